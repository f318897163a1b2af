package feed

import (
	"context"
	"errors"
	"net"
	"net/http"
	"syscall"
)

// Reason is why a request failed, in a few words a status line can show
// before the details are cut: "offline? cannot look up huggingface.co",
// "HTTP 503 Service Unavailable", "timed out". It is "" when there is no
// shorter way to say it than the error itself (a malformed answer, say).
func Reason(err error) string {
	var dns *net.DNSError
	var op *net.OpError
	var status StatusError
	var again *retryable
	var wrong wrongAnswer
	var missing noFeed
	switch {
	case err == nil:
		return ""
	case errors.As(err, &dns):
		return "offline? cannot look up " + dns.Name
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused by " + addrOf(err)
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return "offline? no route to " + addrOf(err)
	case errors.As(err, &op) && op.Op == "dial":
		return "offline? " + addrOf(err) + " did not answer"
	case errors.As(err, &status):
		return status.Error()
	case errors.As(err, &missing):
		return missing.reason()
	case errors.Is(err, ErrNotFound):
		return ErrNotFound.Error()
	case errors.As(err, &again) && again.reason == "timeout":
		return "timed out"
	case errors.As(err, &again):
		return again.reason
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.As(err, &wrong):
		return "answered " + wrong.what + ", not " + wrong.want.String()
	case errors.Is(err, ErrNoWrapper):
		return "not a paper text"
	}
	return ""
}

// StatusOf is the HTTP error status that ended a request, 0 when it did
// not end on one (offline, a timeout, a malformed answer, a local error).
func StatusOf(err error) int {
	var status StatusError
	switch {
	case errors.As(err, &status):
		return int(status)
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	}
	return 0
}

// addrOf is the address a network error names, or "the feed's host".
func addrOf(err error) string {
	var op *net.OpError
	if errors.As(err, &op) && op.Addr != nil {
		return op.Addr.String()
	}
	return "the feed's host"
}
