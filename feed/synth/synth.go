// Package synth generates synthetic Hugging Face Daily Papers feeds: days of
// items shaped like the modern (2025–2026) answers of
// GET /api/daily_papers?date=YYYY-MM-DD, for benchmarks and manual testing at
// a scale (100k+ papers) the recorded corpus (9.6k papers) cannot reach.
//
// Output is deterministic for a given (n, seed, start): same arguments, same
// bytes, on every platform (math/rand/v2 PCG, no maps iterated, no clock).
package synth

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// Day is one feed day: the compact JSON array GET /api/daily_papers?date=Date
// would answer, items sorted by upvotes (descending) as HF does.
type Day struct {
	Date string // YYYY-MM-DD
	Body []byte
}

// DefaultStart is the first feed day used by Papers and the papers-synth
// command when no start is given (a Monday).
var DefaultStart = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)

// RealCompactItemSize is the mean size in bytes of one compact item of the
// real recorded corpus (/work/shared/corpus/hf-daily-archive.tar.xz, all
// 9,581 JSON-object items of the 580 files, each re-encoded compact with raw
// UTF-8, i.e. what json.Compact yields; the 291 Python-repr string items of
// 2024-12-11..2025-01-10 excluded). Modern items only (2025-10 onwards, 4,991
// items) average 5,611 bytes; the synthetic items aim at the overall figure.
const RealCompactItemSize = 4942

// Days generates n papers spread over consecutive weekdays from start (a
// start on a weekend moves to the next Monday): 5–50 papers a day, about 17
// on average; the last day takes what is left and may be smaller.
func Days(n int, seed int64, start time.Time) []Day {
	var days []Day
	Each(n, seed, start, func(d Day) error {
		days = append(days, d)
		return nil
	})
	return days
}

// Each is Days without holding everything in memory: fn gets each day in
// order (its Body is freshly allocated and may be kept). It stops at and
// returns fn's first error.
func Each(n int, seed int64, start time.Time, fn func(Day) error) error {
	g := newGen(seed)
	return g.run(n, start, func(date string, body []byte, _ []int) error {
		return fn(Day{Date: date, Body: body})
	})
}

// Papers returns n compact items (each one element of a daily_papers array),
// generated as Days(n, seed, DefaultStart) would, in the same order.
func Papers(n int, seed int64) [][]byte {
	items := make([][]byte, 0, n)
	g := newGen(seed)
	g.run(n, DefaultStart, func(_ string, body []byte, ends []int) error {
		from := 1 // after '['
		for _, end := range ends {
			items = append(items, body[from:end:end])
			from = end + 1 // skip ','
		}
		return nil
	})
	return items
}

// ---- generator -------------------------------------------------------------

type user struct {
	id, username, fullname, avatar string
	pro                            bool
	followers                      int
}

type orgInfo struct {
	id, name, fullname, avatar string
}

type gen struct {
	r     *rand.Rand
	users []user
	orgs  []orgInfo

	nouns, adjs, verbs, gerunds, keyphrases, prefixes, suffixes,
	benchmarks, domains, firsts, lasts, submitters, orgPick *zipf

	used map[int32]struct{} // yymm*100000 + number
	oid  uint32             // ObjectID counter

	// per paper scratch
	method string
}

func newGen(seed int64) *gen {
	s := uint64(seed)
	g := &gen{
		r:    rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15)),
		used: make(map[int32]struct{}),
	}
	g.nouns = newZipf(nouns, 1.0)
	g.adjs = newZipf(adjectives, 1.0)
	g.verbs = newZipf(verbs, 0.8)
	g.gerunds = newZipf(gerunds, 0.7)
	g.keyphrases = newZipf(keyphrases, 1.0)
	g.prefixes = newZipf(methodPrefixes, 0.5)
	g.suffixes = newZipf(methodSuffixes, 0.5)
	g.benchmarks = newZipf(benchmarks, 0.9)
	g.domains = newZipf(domains, 0.8)
	g.firsts = newZipf(firstNames, 0.6)
	g.lasts = newZipf(lastNames, 0.7)
	g.oid = g.r.Uint32()

	// Pools drawn from their own stream so they do not depend on n.
	pr := rand.New(rand.NewPCG(s^0x5bd1e995, s+1))
	g.users = make([]user, 2000)
	for i := range g.users {
		g.users[i] = g.newUser(pr)
	}
	g.submitters = newZipf(make([]string, len(g.users)), 1.05)
	g.orgs = make([]orgInfo, len(orgs))
	for i, o := range orgs {
		g.orgs[i] = orgInfo{id: hexID(pr), name: o.name, fullname: o.fullname,
			avatar: "https://cdn-avatars.huggingface.co/v1/production/uploads/" + hexID(pr) + "/" + token(pr, 21) + ".png"}
	}
	g.orgPick = newZipf(make([]string, len(g.orgs)), 0.9)
	return g
}

func (g *gen) newUser(pr *rand.Rand) user {
	var first, last, full string
	if pr.IntN(20) == 0 {
		full = nativeNames[pr.IntN(len(nativeNames))]
		first, last = "user", itoa(pr.IntN(10000))
	} else {
		first = firstNames[pr.IntN(len(firstNames))]
		last = lastNames[pr.IntN(len(lastNames))]
		full = first + " " + last
	}
	f, l := asciiLower(first), asciiLower(last)
	var name string
	switch pr.IntN(5) {
	case 0:
		name = f + l
	case 1:
		name = f[:1] + l + itoa(pr.IntN(100))
	case 2:
		name = f + "-" + l
	case 3:
		name = l + f + itoa(pr.IntN(3000))
	default:
		name = f + "_" + l[:min(3, len(l))]
	}
	id := hexID(pr)
	ext := ".jpeg"
	if pr.IntN(2) == 0 {
		ext = ".png"
	}
	return user{
		id: id, username: name, fullname: full,
		avatar:    "https://cdn-avatars.huggingface.co/v1/production/uploads/" + id + "/" + token(pr, 21) + ext,
		pro:       pr.IntN(4) == 0,
		followers: int(math.Exp(pr.NormFloat64()*1.5 + 2.5)),
	}
}

// dayCount draws the number of papers of one feed day: 5–50, mean about 17,
// right-skewed like the real feed.
func (g *gen) dayCount() int {
	c := 5 + int(math.Exp(g.r.NormFloat64()*0.7+math.Log(10)))
	return min(c, 50)
}

// upvotes is heavy-tailed: median ~4, 90th percentile ~25, rare hundreds.
func (g *gen) upvotes() int {
	if g.r.IntN(300) == 0 {
		return 200 + g.r.IntN(700)
	}
	return max(0, min(int(math.Exp(g.r.NormFloat64()*1.3+1.6))-1, 999))
}

func (g *gen) run(n int, start time.Time, fn func(date string, body []byte, ends []int) error) error {
	day := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	day = nextWeekday(day)
	var buf []byte
	var votes []int
	var ends []int
	for n > 0 {
		k := min(g.dayCount(), n)
		n -= k
		votes = votes[:0]
		for range k {
			votes = append(votes, g.upvotes())
		}
		slices.Sort(votes)
		slices.Reverse(votes)
		date := day.Format("2006-01-02")
		buf = append(buf[:0], '[')
		ends = ends[:0]
		for i, v := range votes {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = g.item(buf, day, date, v)
			ends = append(ends, len(buf))
		}
		buf = append(buf, ']')
		if err := fn(date, slices.Clone(buf), ends); err != nil {
			return err
		}
		day = nextWeekday(day.AddDate(0, 0, 1))
	}
	return nil
}

func nextWeekday(t time.Time) time.Time {
	for t.Weekday() == time.Saturday || t.Weekday() == time.Sunday {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// item appends one compact daily_papers item.
func (g *gen) item(b []byte, day time.Time, date string, upvotes int) []byte {
	r := g.r
	// arXiv publication: usually the weekday before, sometimes up to ~2 weeks.
	lag := 1
	switch x := r.IntN(100); {
	case x < 60:
	case x < 80:
		lag = 2
	case x < 95:
		lag = 3 + r.IntN(5)
	default:
		lag = 8 + r.IntN(6)
	}
	pub := day.AddDate(0, 0, -lag)
	for pub.Weekday() == time.Saturday || pub.Weekday() == time.Sunday {
		pub = pub.AddDate(0, 0, -1)
	}
	if r.IntN(10) == 0 {
		pub = pub.Add(time.Duration(r.IntN(86400)) * time.Second)
	}
	id := g.arxivID(pub)
	g.method = g.methodName()
	sub := g.users[g.submitters.idx(r)]
	var og *orgInfo
	if r.IntN(2) == 0 {
		og = &g.orgs[g.orgPick.idx(r)]
	}
	hasRepo := r.IntN(10) < 4
	hasPage := r.IntN(10) < 3
	hasMedia := r.IntN(100) < 15
	var media string
	if hasMedia {
		media = "https://cdn-uploads.huggingface.co/production/uploads/" + sub.id + "/" + token(r, 21) + [...]string{".png", ".png", ".jpeg", ".mp4", ".gif"}[r.IntN(5)]
	}
	title := g.title()
	oidBase := g.oidPrefix(day)

	b = append(b, `{"paper":{"id":`...)
	b = appendString(b, id)
	b = append(b, `,"authors":[`...)
	na := g.authorCount()
	for i := range na {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"_id":"`...)
		b = g.appendOID(b, oidBase)
		b = append(b, '"')
		if r.IntN(25) == 0 {
			u := &g.users[r.IntN(len(g.users))]
			b = append(b, `,"user":`...)
			b = appendUser(b, u)
			b = append(b, `,"name":`...)
			b = appendString(b, u.fullname)
			b = append(b, `,"status":"claimed_verified","statusLastChangedAt":"`...)
			b = day.Add(time.Duration(r.IntN(86400*1000))*time.Millisecond).AppendFormat(b, "2006-01-02T15:04:05.000Z")
			b = append(b, '"')
		} else {
			b = append(b, `,"name":`...)
			b = g.appendAuthorName(b)
		}
		b = append(b, `,"hidden":false}`...)
	}
	b = append(b, ']')
	if hasMedia {
		b = append(b, `,"mediaUrls":[`...)
		b = appendString(b, media)
		b = append(b, ']')
	}
	b = append(b, `,"publishedAt":"`...)
	b = pub.AppendFormat(b, "2006-01-02T15:04:05.000Z")
	b = append(b, `","submittedOnDailyAt":"`...)
	b = append(b, date...)
	b = append(b, `T00:00:00.000Z","title":`...)
	b = appendString(b, title)
	b = append(b, `,"submittedOnDailyBy":`...)
	b = appendUser(b, &sub)
	b = append(b, `,"summary":`...)
	sumStart := len(b)
	b = g.appendAbstract(b)
	summary := b[sumStart:] // already JSON-quoted
	b = append(b, `,"upvotes":`...)
	b = appendInt(b, upvotes)
	b = append(b, `,"discussionId":"`...)
	b = g.appendOID(b, oidBase)
	b = append(b, '"')
	owner := sub.username
	if og != nil && r.IntN(2) == 0 {
		owner = og.name
	}
	if hasPage {
		b = append(b, `,"projectPage":"https://`...)
		if r.IntN(2) == 0 {
			b = append(b, asciiLower(owner)...)
			b = append(b, ".github.io/"...)
			b = append(b, asciiLower(g.method)...)
			b = append(b, '/')
		} else {
			b = append(b, asciiLower(g.method)...)
			b = append(b, ".github.io/"...)
		}
		b = append(b, '"')
	}
	if hasRepo {
		b = append(b, `,"githubRepo":"https://github.com/`...)
		b = append(b, owner...)
		b = append(b, '/')
		b = append(b, repoName(g.method)...)
		b = append(b, `","githubRepoAddedBy":"`...)
		if r.IntN(3) == 0 {
			b = append(b, "auto"...)
		} else {
			b = append(b, "user"...)
		}
		b = append(b, '"')
	}
	b = append(b, `,"ai_summary":`...)
	b = g.appendAISummary(b)
	b = append(b, `,"ai_keywords":[`...)
	b = g.appendKeywords(b)
	b = append(b, ']')
	if hasRepo {
		b = append(b, `,"githubStars":`...)
		stars := 0
		if r.IntN(10) != 0 {
			stars = int(math.Exp(r.NormFloat64()*2.0 + 1.4))
		}
		b = appendInt(b, stars)
	}
	if og != nil {
		b = append(b, `,"organization":`...)
		b = appendOrg(b, og)
	}
	b = append(b, `},"publishedAt":"`...)
	b = pub.Add(-nyOffset(pub)).AppendFormat(b, "2006-01-02T15:04:05.000Z")
	b = append(b, `","title":`...)
	b = appendString(b, title)
	b = append(b, `,"summary":`...)
	b = append(b, summary...) // b may have grown: summary aliases old or same backing array, both unchanged
	if hasMedia {
		b = append(b, `,"mediaUrls":[`...)
		b = appendString(b, media)
		b = append(b, ']')
	}
	b = append(b, `,"thumbnail":"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/`...)
	b = append(b, id...)
	b = append(b, `.png","numComments":`...)
	b = appendInt(b, g.numComments())
	b = append(b, `,"submittedBy":{"_id":`...)
	b = appendString(b, sub.id)
	b = append(b, `,"avatarUrl":`...)
	b = appendString(b, sub.avatar)
	b = append(b, `,"fullname":`...)
	b = appendString(b, sub.fullname)
	b = append(b, `,"name":`...)
	b = appendString(b, sub.username)
	b = append(b, `,"type":"user","isPro":`...)
	b = appendBool(b, sub.pro)
	b = append(b, `,"isHf":false,"isHfAdmin":false,"isMod":false,"followerCount":`...)
	b = appendInt(b, sub.followers)
	b = append(b, `,"isUserFollowing":false}`...)
	if og != nil {
		b = append(b, `,"organization":`...)
		b = appendOrg(b, og)
	}
	b = append(b, `,"isAuthorParticipating":`...)
	b = appendBool(b, r.IntN(100) < 18)
	return append(b, '}')
}

func appendUser(b []byte, u *user) []byte {
	b = append(b, `{"_id":`...)
	b = appendString(b, u.id)
	b = append(b, `,"avatarUrl":`...)
	b = appendString(b, u.avatar)
	b = append(b, `,"isPro":`...)
	b = appendBool(b, u.pro)
	b = append(b, `,"fullname":`...)
	b = appendString(b, u.fullname)
	b = append(b, `,"user":`...)
	b = appendString(b, u.username)
	b = append(b, `,"type":"user","name":`...)
	b = appendString(b, u.username)
	return append(b, '}')
}

func appendOrg(b []byte, o *orgInfo) []byte {
	b = append(b, `{"_id":`...)
	b = appendString(b, o.id)
	b = append(b, `,"name":`...)
	b = appendString(b, o.name)
	b = append(b, `,"fullname":`...)
	b = appendString(b, o.fullname)
	b = append(b, `,"avatar":`...)
	b = appendString(b, o.avatar)
	return append(b, '}')
}

func (g *gen) numComments() int {
	switch x := g.r.IntN(100); {
	case x < 10:
		return 0
	case x < 75:
		return 1
	case x < 90:
		return 2
	default:
		return 3 + g.r.IntN(6)
	}
}

// authorCount: 1–40, mean about 9, right-skewed.
func (g *gen) authorCount() int {
	c := int(math.Round(math.Exp(g.r.NormFloat64()*0.65 + math.Log(7))))
	return max(1, min(c, 40))
}

func (g *gen) appendAuthorName(b []byte) []byte {
	if g.r.IntN(40) == 0 {
		return appendString(b, nativeNames[g.r.IntN(len(nativeNames))])
	}
	b = append(b, '"')
	b = appendEscaped(b, g.firsts.pick(g.r))
	if g.r.IntN(25) == 0 {
		b = append(b, ' ')
		b = append(b, byte('A'+g.r.IntN(26)), '.')
	}
	b = append(b, ' ')
	b = appendEscaped(b, g.lasts.pick(g.r))
	return append(b, '"')
}

// arxivID draws a unique new-style id YYMM.NNNNN for a paper published at pub.
func (g *gen) arxivID(pub time.Time) string {
	yymm := (pub.Year()%100)*100 + int(pub.Month())
	for {
		num := 1 + g.r.IntN(29999)
		key := int32(yymm*100000 + num)
		if _, dup := g.used[key]; dup {
			continue
		}
		g.used[key] = struct{}{}
		var a [10]byte
		pad(a[0:4], yymm)
		a[4] = '.'
		pad(a[5:10], num)
		return string(a[:])
	}
}

func pad(dst []byte, v int) {
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
}

func (g *gen) methodName() string {
	return g.prefixes.pick(g.r) + g.suffixes.pick(g.r) + methodTags[g.r.IntN(len(methodTags))]
}

// oidPrefix is the 8 hex timestamp + 10 hex random part of a MongoDB-style
// ObjectID; appendOID adds a running 6-hex counter, so a paper's author ids
// and discussionId are consecutive as on HF.
func (g *gen) oidPrefix(day time.Time) [18]byte {
	var p [18]byte
	ts := uint64(day.Unix()) + uint64(g.r.IntN(86400))
	putHex(p[0:8], ts)
	putHex(p[8:18], g.r.Uint64())
	return p
}

func (g *gen) appendOID(b []byte, prefix [18]byte) []byte {
	g.oid++
	var c [6]byte
	putHex(c[:], uint64(g.oid))
	b = append(b, prefix[:]...)
	return append(b, c[:]...)
}

const hexdigits = "0123456789abcdef"

func putHex(dst []byte, v uint64) {
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i] = hexdigits[v&15]
		v >>= 4
	}
}

func hexID(r *rand.Rand) string {
	var a [24]byte
	putHex(a[0:8], uint64(1600000000+r.IntN(190000000)))
	putHex(a[8:24], r.Uint64())
	return string(a[:])
}

const tokenChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func token(r *rand.Rand, n int) string {
	a := make([]byte, n)
	for i := range a {
		a[i] = tokenChars[r.IntN(len(tokenChars))]
	}
	return string(a)
}

// nyOffset is New York's UTC offset at t (US DST rules since 2007): the feed's
// top-level publishedAt is the arXiv time as New York wall time labelled Z.
func nyOffset(t time.Time) time.Duration {
	y := t.Year()
	mar := time.Date(y, time.March, 1, 7, 0, 0, 0, time.UTC)
	mar = mar.AddDate(0, 0, (7-int(mar.Weekday()))%7+7)
	nov := time.Date(y, time.November, 1, 6, 0, 0, 0, time.UTC)
	nov = nov.AddDate(0, 0, (7-int(nov.Weekday()))%7)
	if !t.Before(mar) && t.Before(nov) {
		return 4 * time.Hour
	}
	return 5 * time.Hour
}

func asciiLower(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			out = append(out, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-':
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return "x"
	}
	return string(out)
}

func itoa(v int) string { return string(appendInt(nil, v)) }

// repoName keeps the letters, digits and dashes of a method name.
func repoName(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
			out = append(out, c)
		}
	}
	return string(out)
}
