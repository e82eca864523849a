package mrz

import (
	"fmt"
	"strings"
	"time"
)

// Format is the MRZ layout of a travel document (ICAO Doc 9303 Parts 4–6).
type Format string

// The three ICAO layouts.
const (
	// TD1 is the ID-card layout: 3 lines of 30 characters.
	TD1 Format = "TD1"
	// TD2 is the larger card layout: 2 lines of 36 characters.
	TD2 Format = "TD2"
	// TD3 is the passport layout: 2 lines of 44 characters.
	TD3 Format = "TD3"
)

// Shape returns the number of lines and characters per line of f, or 0, 0
// for an unknown format.
func (f Format) Shape() (lines, chars int) {
	switch f {
	case TD1:
		return 3, 30
	case TD2:
		return 2, 36
	case TD3:
		return 2, 44
	}
	return 0, 0
}

// Sex is the holder's sex as the MRZ states it.
type Sex string

// The MRZ's three values. The MRZ writes unspecified as '<'; Sex reports it as
// X, the letter ICAO uses for it in the visual zone.
const (
	// SexMale is 'M'.
	SexMale Sex = "M"
	// SexFemale is 'F'.
	SexFemale Sex = "F"
	// SexUnspecified is '<' in the MRZ.
	SexUnspecified Sex = "X"
)

// Date is an MRZ date with its century resolved. A zero part is unknown: the
// MRZ wrote "<<" for it (ICAO allows this for dates of birth).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// Time returns d as midnight UTC, and false when a part of d is unknown.
func (d Date) Time() (time.Time, bool) {
	if d.Year == 0 || d.Month == 0 || d.Day == 0 {
		return time.Time{}, false
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC), true
}

// String returns d as YYYY-MM-DD, with unknown parts as XXXX or XX.
func (d Date) String() string {
	y, m, day := "XXXX", "XX", "XX"
	if d.Year != 0 {
		y = fmt.Sprintf("%04d", d.Year)
	}
	if d.Month != 0 {
		m = fmt.Sprintf("%02d", int(d.Month))
	}
	if d.Day != 0 {
		day = fmt.Sprintf("%02d", d.Day)
	}
	return y + "-" + m + "-" + day
}

// YYMMDD returns d the way the MRZ writes it, "<<" for an unknown part.
func (d Date) YYMMDD() string {
	part := func(v int, known bool) string {
		if !known {
			return "<<"
		}
		return fmt.Sprintf("%02d", v%100)
	}
	return part(d.Year, d.Year != 0) + part(int(d.Month), d.Month != 0) + part(d.Day, d.Day != 0)
}

// Data is what an MRZ says. Fields are filled as far as they could be read even
// when a [Problem] concerns them; a caller trusts Data only when Parse returned
// no problems.
type Data struct {
	// Format is the layout the lines were read as.
	Format Format
	// DocumentCode is the document type: "P", "PN", "I", "ID", "AC"… (the
	// filler of a one-letter code dropped).
	DocumentCode string
	// IssuingCountry is the issuing state or organisation (ICAO code, e.g.
	// "DEU", "D", "XXA").
	IssuingCountry string
	// DocumentNumber is the document number, including the characters a TD1
	// or TD2 card carries past the ninth in its optional data.
	DocumentNumber string
	// LongDocumentNumber is true when DocumentNumber overflowed into the
	// optional data (the check-digit position held '<').
	LongDocumentNumber bool
	// Surname is the primary identifier, fillers turned into spaces.
	Surname string
	// GivenNames is the secondary identifier, fillers turned into spaces;
	// empty when the MRZ holds a primary identifier only.
	GivenNames string
	// Nationality is the holder's nationality (ICAO code).
	Nationality string
	// DateOfBirth is the date of birth; its century places it in the past.
	DateOfBirth Date
	// Sex is the holder's sex.
	Sex Sex
	// ExpiryDate is the expiry date; its century places it no more than 20
	// years ahead.
	ExpiryDate Date
	// OptionalData is the optional data element: TD1's on line 1 (after a
	// long document number's overflow), TD2's, or TD3's personal number.
	OptionalData string
	// OptionalData2 is TD1's second optional data element (line 2).
	OptionalData2 string
	// Lines are the MRZ lines parsed.
	Lines []string
}

// Field names an MRZ element a [Problem] is about. The names are those of the
// API's DocumentData.
type Field string

// The fields of [Data] a Problem can name.
const (
	// FieldLines is the MRZ as a whole: line count, lengths, characters.
	FieldLines Field = "lines"
	// FieldDocumentCode is [Data.DocumentCode].
	FieldDocumentCode Field = "documentCode"
	// FieldIssuingCountry is [Data.IssuingCountry].
	FieldIssuingCountry Field = "issuingCountry"
	// FieldDocumentNumber is [Data.DocumentNumber].
	FieldDocumentNumber Field = "documentNumber"
	// FieldSurname is [Data.Surname].
	FieldSurname Field = "surname"
	// FieldGivenNames is [Data.GivenNames].
	FieldGivenNames Field = "givenNames"
	// FieldNationality is [Data.Nationality].
	FieldNationality Field = "nationality"
	// FieldDateOfBirth is [Data.DateOfBirth].
	FieldDateOfBirth Field = "dateOfBirth"
	// FieldSex is [Data.Sex].
	FieldSex Field = "sex"
	// FieldExpiryDate is [Data.ExpiryDate].
	FieldExpiryDate Field = "expiryDate"
	// FieldOptionalData is [Data.OptionalData] (TD3: the personal number).
	FieldOptionalData Field = "optionalData"
	// FieldOptionalData2 is [Data.OptionalData2].
	FieldOptionalData2 Field = "optionalData2"
	// FieldComposite is the composite check digit over the whole MRZ.
	FieldComposite Field = "composite"
)

// Code says what is wrong with a field.
type Code string

// The problem codes.
const (
	// CodeFormat: the lines are not 3×30, 2×36 or 2×44 characters of
	// A–Z, 0–9 and '<'.
	CodeFormat Code = "format"
	// CodeInvalid: the field's characters are not what the field allows (a
	// letter in a date, month 13, sex 'Q', a digit in a name…).
	CodeInvalid Code = "invalid"
	// CodeUnknownCountry: a country field holds no known ICAO code.
	CodeUnknownCountry Code = "unknownCountry"
	// CodeCheckDigit: the field's check digit does not match (or is not a
	// digit). For FieldComposite, the composite digit.
	CodeCheckDigit Code = "checkDigit"
)

// Problem is one thing wrong with an MRZ: which field and what kind of wrong,
// plus a sentence for people.
type Problem struct {
	Field   Field
	Code    Code
	Message string
}

// String returns "field: code: message".
func (p Problem) String() string {
	return string(p.Field) + ": " + string(p.Code) + ": " + p.Message
}

// Parse parses MRZ lines as of today (for the century of two-digit years).
// It is [ParseAt] with time.Now().
func Parse(lines []string) (Data, []Problem) {
	return ParseAt(lines, time.Now())
}

// ParseAt parses the lines of an MRZ (TD1, TD2 or TD3, told apart by their
// count and length) and checks every check digit. now resolves two-digit years:
// a date of birth is the latest that is not after now, an expiry date the
// latest that is at most 20 years after now. No problems means every field is
// well formed and every check digit matches.
func ParseAt(lines []string, now time.Time) (Data, []Problem) {
	p := parser{now: now}
	p.d.Lines = append([]string(nil), lines...)
	p.d.Format = formatOf(lines)
	if p.d.Format == "" {
		p.add(FieldLines, CodeFormat, "want 3 lines of 30, 2 of 36 or 2 of 44 characters, got %s", shapeOf(lines))
		return p.d, p.problems
	}
	for i, l := range lines {
		if j := strings.IndexFunc(l, func(r rune) bool { return !isMRZChar(r) }); j >= 0 {
			p.add(FieldLines, CodeFormat, "line %d, position %d: %q is not A–Z, 0–9 or '<'", i+1, j+1, l[j])
			return p.d, p.problems
		}
	}
	switch p.d.Format {
	case TD1:
		p.td1(lines)
	case TD2:
		p.td2(lines)
	case TD3:
		p.td3(lines)
	}
	return p.d, p.problems
}

func formatOf(lines []string) Format {
	for _, f := range []Format{TD1, TD2, TD3} {
		n, w := f.Shape()
		if len(lines) != n {
			continue
		}
		ok := true
		for _, l := range lines {
			ok = ok && len(l) == w
		}
		if ok {
			return f
		}
	}
	return ""
}

func shapeOf(lines []string) string {
	lens := make([]string, len(lines))
	for i, l := range lines {
		lens[i] = fmt.Sprint(len(l))
	}
	return fmt.Sprintf("%d lines of [%s]", len(lines), strings.Join(lens, " "))
}

func isMRZChar(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '<'
}

type parser struct {
	now      time.Time
	d        Data
	problems []Problem
}

func (p *parser) add(f Field, c Code, format string, args ...any) {
	p.problems = append(p.problems, Problem{Field: f, Code: c, Message: fmt.Sprintf(format, args...)})
}

// td1: line 1 code(2) country(3) number(9) cd optional(15); line 2 birth(6) cd
// sex expiry(6) cd nationality(3) optional(11) composite; line 3 name(30).
func (p *parser) td1(l []string) {
	p.documentCode(l[0][0:2], false)
	p.d.IssuingCountry = p.country(FieldIssuingCountry, l[0][2:5])
	p.documentNumber(l[0][5:14], l[0][14], l[0][15:30])
	p.d.DateOfBirth = p.date(FieldDateOfBirth, l[1][0:6], l[1][6], false)
	p.sex(l[1][7])
	p.d.ExpiryDate = p.date(FieldExpiryDate, l[1][8:14], l[1][14], true)
	p.d.Nationality = p.country(FieldNationality, l[1][15:18])
	p.d.OptionalData2 = clean(l[1][18:29])
	p.check(FieldComposite, l[0][5:30]+l[1][0:7]+l[1][8:15]+l[1][18:29], l[1][29])
	p.name(l[2])
}

// td2: line 1 code(2) country(3) name(31); line 2 number(9) cd nationality(3)
// birth(6) cd sex expiry(6) cd optional(7) composite.
func (p *parser) td2(l []string) {
	p.documentCode(l[0][0:2], false)
	p.d.IssuingCountry = p.country(FieldIssuingCountry, l[0][2:5])
	p.name(l[0][5:36])
	p.documentNumber(l[1][0:9], l[1][9], l[1][28:35])
	p.d.Nationality = p.country(FieldNationality, l[1][10:13])
	p.d.DateOfBirth = p.date(FieldDateOfBirth, l[1][13:19], l[1][19], false)
	p.sex(l[1][20])
	p.d.ExpiryDate = p.date(FieldExpiryDate, l[1][21:27], l[1][27], true)
	p.check(FieldComposite, l[1][0:10]+l[1][13:20]+l[1][21:35], l[1][35])
}

// td3: line 1 code(2) country(3) name(39); line 2 number(9) cd nationality(3)
// birth(6) cd sex expiry(6) cd personal number(14) cd composite.
func (p *parser) td3(l []string) {
	p.documentCode(l[0][0:2], true)
	p.d.IssuingCountry = p.country(FieldIssuingCountry, l[0][2:5])
	p.name(l[0][5:44])
	p.d.DocumentNumber = clean(l[1][0:9])
	p.check(FieldDocumentNumber, l[1][0:9], l[1][9])
	p.d.Nationality = p.country(FieldNationality, l[1][10:13])
	p.d.DateOfBirth = p.date(FieldDateOfBirth, l[1][13:19], l[1][19], false)
	p.sex(l[1][20])
	p.d.ExpiryDate = p.date(FieldExpiryDate, l[1][21:27], l[1][27], true)
	personal := l[1][28:42]
	p.d.OptionalData = clean(personal)
	// An absent personal number may carry '<' or 0 as its check digit
	// (Doc 9303 Part 4, 4.2.2.2).
	if cd := l[1][42]; p.d.OptionalData != "" || (cd != '<' && cd != '0') {
		p.check(FieldOptionalData, personal, cd)
	}
	p.check(FieldComposite, l[1][0:10]+l[1][13:20]+l[1][21:43], l[1][43])
}

// documentCode checks the two-character document code: P then a letter or
// '<' for passports; A, C or I then a letter (not V) or '<' for cards.
func (p *parser) documentCode(s string, passport bool) {
	p.d.DocumentCode = strings.TrimRight(s, "<")
	first, second := s[0], s[1]
	okSecond := second == '<' || second >= 'A' && second <= 'Z'
	if passport {
		if first != 'P' || !okSecond {
			p.add(FieldDocumentCode, CodeInvalid, "%q: a passport's code is P followed by a letter or '<'", s)
		}
		return
	}
	if first != 'A' && first != 'C' && first != 'I' || !okSecond || second == 'V' {
		p.add(FieldDocumentCode, CodeInvalid, "%q: a card's code is A, C or I followed by a letter other than V or '<'", s)
	}
}

func (p *parser) country(f Field, s string) string {
	c := strings.TrimRight(s, "<")
	if !countries[c] {
		p.add(f, CodeUnknownCountry, "%q is not an ICAO country code", s)
	}
	return c
}

// documentNumber reads a TD1 or TD2 document number. When the check-digit
// position holds '<', the number continues in the optional data up to its
// first filler, and the character before that filler is the check digit over
// the whole number (Doc 9303 Part 5, 4.2.2 note j; Part 6 likewise).
func (p *parser) documentNumber(num string, cd byte, optional string) {
	if cd != '<' {
		p.d.DocumentNumber = clean(num)
		p.check(FieldDocumentNumber, num, cd)
		p.d.OptionalData = clean(optional)
		return
	}
	end := strings.IndexByte(optional, '<')
	if end < 1 {
		p.d.DocumentNumber = clean(num)
		p.add(FieldDocumentNumber, CodeInvalid, "check digit position is '<' but the optional data %q holds no overflow ending in a filler", optional)
		p.d.OptionalData = clean(optional)
		return
	}
	p.d.LongDocumentNumber = true
	p.d.DocumentNumber = num + optional[:end-1]
	p.check(FieldDocumentNumber, num+optional[:end-1], optional[end-1])
	p.d.OptionalData = clean(optional[end+1:])
}

// name splits the name field at its first "<<": the primary identifier
// before, the secondary after; single fillers separate name parts.
func (p *parser) name(s string) {
	surname, given, found := strings.Cut(s, "<<")
	p.d.Surname = clean(surname)
	if found {
		p.d.GivenNames = clean(given)
	}
	if !onlyLetters(surname) {
		p.add(FieldSurname, CodeInvalid, "%q holds characters other than A–Z and '<'", surname)
	}
	if !onlyLetters(given) {
		p.add(FieldGivenNames, CodeInvalid, "%q holds characters other than A–Z and '<'", given)
	}
}

func onlyLetters(s string) bool {
	for i := range len(s) {
		if c := s[i]; c != '<' && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

func (p *parser) sex(c byte) {
	switch c {
	case 'M':
		p.d.Sex = SexMale
	case 'F':
		p.d.Sex = SexFemale
	case '<':
		p.d.Sex = SexUnspecified
	default:
		p.add(FieldSex, CodeInvalid, "%q is not M, F or '<'", c)
	}
}

// date reads YYMMDD ("<<" for an unknown part) and checks its digit. expiry
// selects the century rule: expiry dates up to 20 years ahead, dates of birth
// in the past.
func (p *parser) date(f Field, s string, cd byte, expiry bool) Date {
	p.check(f, s, cd)
	var parts [3]int
	for i := range parts {
		pair := s[2*i : 2*i+2]
		switch {
		case pair == "<<":
			parts[i] = -1
		case isDigit(pair[0]) && isDigit(pair[1]):
			parts[i] = int(pair[0]-'0')*10 + int(pair[1]-'0')
		default:
			p.add(f, CodeInvalid, "%q is not a YYMMDD date", s)
			return Date{}
		}
	}
	yy, mm, dd := parts[0], parts[1], parts[2]
	if mm == 0 || mm > 12 || dd == 0 || dd > 31 {
		p.add(f, CodeInvalid, "%q is not a YYMMDD date", s)
		return Date{}
	}
	var d Date
	if yy >= 0 {
		d.Year = p.century(yy, max(mm, 1), max(dd, 1), expiry)
	}
	if mm > 0 {
		d.Month = time.Month(mm)
	}
	if dd > 0 {
		d.Day = dd
		if mm > 0 {
			year := d.Year
			if year == 0 {
				year = 2000 // unknown year: allow 29 February
			}
			if dd > daysIn(d.Month, year) {
				p.add(f, CodeInvalid, "%q: %s has no day %d", s, d.Month, dd)
			}
		}
	}
	return d
}

// century returns the four-digit year for yy: for a date of birth the latest
// not after now, for an expiry date the latest at most 20 years after now.
func (p *parser) century(yy, mm, dd int, expiry bool) int {
	limit := p.now
	if expiry {
		limit = limit.AddDate(20, 0, 0)
	}
	y := limit.Year() - limit.Year()%100 + yy
	if time.Date(y, time.Month(mm), dd, 0, 0, 0, 0, time.UTC).After(limit) {
		y -= 100
	}
	return y
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// check records a CodeCheckDigit problem on f unless cd is the check digit of s.
func (p *parser) check(f Field, s string, cd byte) {
	want := CheckDigit(s)
	if !isDigit(cd) || int(cd-'0') != want {
		p.add(f, CodeCheckDigit, "check digit %q over %q, want %d", cd, s, want)
	}
}

// CheckDigit returns the ICAO 9303 check digit of s: digits count as
// themselves, A–Z as 10–35, '<' (and anything else) as 0, weighted 7, 3, 1
// repeating, summed modulo 10.
func CheckDigit(s string) int {
	weights := [3]int{7, 3, 1}
	sum := 0
	for i := range len(s) {
		sum += charValue(s[i]) * weights[i%3]
	}
	return sum % 10
}

func charValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 0
}

// clean drops trailing fillers and turns the others into spaces.
func clean(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "<"), "<", " ")
}
