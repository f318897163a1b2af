package query

import (
	"strconv"
	"strings"
)

// Bound is one comparison against a paper's upvote count: upvotes:>50 is
// Bound{Op: ">", N: 50}. Op is one of ">", ">=", "<", "<=", "="; a plain
// number (upvotes:50) means at least that many, Op ">=".
type Bound struct {
	Op string
	N  int
}

// ops is longest first so ">=" is not read as ">" followed by "=5".
var ops = []string{">=", "<=", ">", "<", "="}

func parseBound(v string) (Bound, bool) {
	b := Bound{Op: ">="}
	for _, op := range ops {
		if rest, ok := strings.CutPrefix(v, op); ok {
			b.Op, v = op, rest
			break
		}
	}
	if v == "" || strings.Trim(v, "0123456789") != "" {
		return Bound{}, false
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return Bound{}, false
	}
	b.N = n
	return b, true
}

// String renders b as it is written after upvotes:, e.g. ">50".
func (b Bound) String() string { return b.Op + strconv.Itoa(b.N) }
