package feed

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// maxRedirects bounds a chain of redirects; a longer one is a loop.
const maxRedirects = 10

// ErrPermanent is wrapped by failures that asking again cannot mend: a
// URL scheme other than http or https, a redirect loop or a redirect to
// file:, a token that cannot be sent, a certificate that does not verify.
// They are never retried.
var ErrPermanent = errors.New("will not succeed if tried again")

// permanent is an error that is not worth retrying.
type permanent struct{ err error }

func (p *permanent) Error() string { return p.err.Error() }
func (p *permanent) Unwrap() []error {
	return []error{p.err, ErrPermanent}
}

func permanentf(format string, args ...any) error {
	return &permanent{fmt.Errorf(format, args...)}
}

// Check reports a client that cannot work, before any request: a base URL
// that is not http or https, a token that is not one header line.
func (c *Client) Check() error {
	if err := CheckBaseURL(c.base()); err != nil {
		return err
	}
	return CheckToken(c.Token)
}

// bareHostRE is a host (and port, and path) written without a scheme:
// "127.0.0.1:8765", "localhost:8080/api", "huggingface.co".
var bareHostRE = regexp.MustCompile(`^[A-Za-z0-9.-]+(:[0-9]+)?(/.*)?$`)

// CheckBaseURL accepts an absolute http or https URL with a host.
func CheckBaseURL(base string) error {
	if bareHostRE.MatchString(base) {
		return permanentf("API URL %q: no scheme; write it as https://%s (or http:// for a local server)", base, base)
	}
	u, err := url.Parse(base)
	if err != nil {
		return permanentf("API URL %q: %v", base, errors.Unwrap(err))
	}
	if u.User != nil {
		// Checked first, and the URL shown without them: a password must
		// not reach the terminal or a log through an error message.
		u.User = nil
		return permanentf("API URL %q: holds a user name or password (user:pass@), which papers never sends; remove them (HF_TOKEN authenticates)", u.String())
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return permanentf("API URL %q: scheme %q: only http and https are supported", base, u.Scheme)
	}
	if u.Host == "" {
		return permanentf("API URL %q: no host", base)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(base, "#") {
		// Request paths are joined onto the base: a "?" or "#" in it would
		// swallow them, and every request would go to the base itself.
		return permanentf("API URL %q: holds a query or fragment (? or #); give the server's address alone, like %s://%s", base, u.Scheme, u.Host)
	}
	return nil
}

// CheckToken accepts a token that can be sent as one header value. The
// token itself never appears in the error.
func CheckToken(token string) error {
	for _, r := range token {
		if r < 0x20 || r == 0x7f {
			return permanentf("HF_TOKEN holds a line break or another control character; set it to the token alone")
		}
	}
	if strings.TrimSpace(token) != token {
		return permanentf("HF_TOKEN starts or ends with spaces; set it to the token alone")
	}
	return nil
}

// origin is a URL's scheme, host and port, the port spelled out.
func origin(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch u.Scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(net.JoinHostPort(u.Hostname(), port))
}

// checkRedirect follows redirects within http and https, stops loops, and
// sends the token only to the exact origin (scheme, host and port) of the
// first request, never to another port, host or to plain HTTP. Go's own
// rule would send it to another port of the same host.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return permanentf("redirect loop: more than %d redirects", maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return permanentf("redirected to a %s: URL; only http and https are followed", req.URL.Scheme)
	}
	first := via[0].URL
	if origin(req.URL) == origin(first) {
		return nil
	}
	req.Header.Del("Authorization")
	req.Header.Del("Cookie")
	if c.Token != "" {
		c.notice(fmt.Sprintf("redirected from %s to %s: HF_TOKEN not sent there", origin(first), origin(req.URL)))
	}
	return nil
}

// permanentCause is err when retrying cannot help: our own permanent
// errors (from checkRedirect) and certificate or TLS failures.
func permanentCause(err error) error {
	if errors.Is(err, ErrPermanent) {
		return err
	}
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	var recordHeader tls.RecordHeaderError
	if errors.As(err, &unknownCA) || errors.As(err, &hostname) || errors.As(err, &invalid) ||
		errors.As(err, &verify) || errors.As(err, &recordHeader) {
		return &permanent{fmt.Errorf("TLS: %w", err)}
	}
	// A server that does not speak HTTP (or not to us) answers the same
	// way every time.
	for _, broken := range []string{"server gave HTTP response to HTTPS client", "malformed HTTP", "malformed MIME header"} {
		if strings.Contains(err.Error(), broken) {
			return &permanent{fmt.Errorf("the server's answer is not valid HTTP: %w", err)}
		}
	}
	return nil
}

// quoteOdd shows a server-sent string such as a header as is when every
// rune prints, else quoted with escapes: whoever shows the error need not
// trust it (they sanitise it too).
func quoteOdd(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}
