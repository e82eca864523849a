package mrz_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/internal/mrz"
	"github.com/openkyc/kyc-manual-review/internal/mrz/mrztest"
)

// now is the date the tests parse as of.
var now = time.Date(2026, time.May, 15, 12, 0, 0, 0, time.UTC)

func problemKeys(ps []mrz.Problem) []string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = string(p.Field) + "/" + string(p.Code)
	}
	return keys
}

func TestCheckDigit(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"D23145890", 7},      // ICAO Doc 9303 Part 5 specimen
		{"740812", 2},         // specimen date of birth
		{"120415", 9},         // specimen expiry
		{"L898902C3", 6},      // Part 4 specimen passport number
		{"<<<<<<<<<<<<<<", 0}, // empty personal number
		{"D231458907<<<<<<<<<<<<<<<74081221204159<<<<<<<<<<<", 6},
	} {
		if got := mrz.CheckDigit(tc.in); got != tc.want {
			t.Errorf("CheckDigit(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestParseSpecimens(t *testing.T) {
	for _, tc := range []struct {
		name     string
		lines    []string
		want     mrz.Data
		problems []string
	}{{
		name: "TD3 ICAO specimen (UTO is no real country)",
		lines: []string{
			"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
			"L898902C36UTO7408122F1204159ZE184226B<<<<<10",
		},
		want: mrz.Data{
			Format: mrz.TD3, DocumentCode: "P", IssuingCountry: "UTO", DocumentNumber: "L898902C3",
			Surname: "ERIKSSON", GivenNames: "ANNA MARIA", Nationality: "UTO",
			DateOfBirth: mrz.Date{Year: 1974, Month: 8, Day: 12}, Sex: mrz.SexFemale,
			ExpiryDate: mrz.Date{Year: 2012, Month: 4, Day: 15}, OptionalData: "ZE184226B",
		},
		problems: []string{"issuingCountry/unknownCountry", "nationality/unknownCountry"},
	}, {
		name: "TD1 ICAO specimen",
		lines: []string{
			"I<UTOD231458907<<<<<<<<<<<<<<<",
			"7408122F1204159UTO<<<<<<<<<<<6",
			"ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
		},
		want: mrz.Data{
			Format: mrz.TD1, DocumentCode: "I", IssuingCountry: "UTO", DocumentNumber: "D23145890",
			Surname: "ERIKSSON", GivenNames: "ANNA MARIA", Nationality: "UTO",
			DateOfBirth: mrz.Date{Year: 1974, Month: 8, Day: 12}, Sex: mrz.SexFemale,
			ExpiryDate: mrz.Date{Year: 2012, Month: 4, Day: 15},
		},
		problems: []string{"issuingCountry/unknownCountry", "nationality/unknownCountry"},
	}, {
		name: "TD1 long document number (ICAO Part 5 note j example)",
		lines: []string{
			"I<UTOD23145890<7349<<<<<<<<<<<",
			"3407127M9507122UTO<<<<<<<<<<<2",
			"STEVENSON<<PETER<JOHN<<<<<<<<<",
		},
		want: mrz.Data{
			Format: mrz.TD1, DocumentCode: "I", IssuingCountry: "UTO", DocumentNumber: "D23145890734",
			LongDocumentNumber: true, Surname: "STEVENSON", GivenNames: "PETER JOHN", Nationality: "UTO",
			DateOfBirth: mrz.Date{Year: 1934, Month: 7, Day: 12}, Sex: mrz.SexMale,
			ExpiryDate: mrz.Date{Year: 1995, Month: 7, Day: 12},
		},
		problems: []string{"issuingCountry/unknownCountry", "nationality/unknownCountry"},
	}, {
		name: "TD2 ICAO specimen",
		lines: []string{
			"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
			"D231458907UTO7408122F1204159<<<<<<<6",
		},
		want: mrz.Data{
			Format: mrz.TD2, DocumentCode: "I", IssuingCountry: "UTO", DocumentNumber: "D23145890",
			Surname: "ERIKSSON", GivenNames: "ANNA MARIA", Nationality: "UTO",
			DateOfBirth: mrz.Date{Year: 1974, Month: 8, Day: 12}, Sex: mrz.SexFemale,
			ExpiryDate: mrz.Date{Year: 2012, Month: 4, Day: 15},
		},
		problems: []string{"issuingCountry/unknownCountry", "nationality/unknownCountry"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			d, ps := mrz.ParseAt(tc.lines, now)
			tc.want.Lines = tc.lines
			if !equalData(d, tc.want) {
				t.Errorf("data\n got %+v\nwant %+v", d, tc.want)
			}
			if got := problemKeys(ps); !slices.Equal(got, tc.problems) {
				t.Errorf("problems %v, want %v (%v)", got, tc.problems, ps)
			}
		})
	}
}

func equalData(a, b mrz.Data) bool {
	return reflect.DeepEqual(a, b)
}

// valid is a correct German passport the problem cases alter.
var valid = mrztest.Identity{
	Format: mrz.TD3, DocumentCode: "P", IssuingCountry: "D", Nationality: "D",
	DocumentNumber: "C01X00T47", Surname: "MUSTERMANN", GivenNames: "ERIKA",
	DateOfBirth: "830812", ExpiryDate: "310131", Sex: 'F',
}

func TestParseProblems(t *testing.T) {
	td1 := valid
	td1.Format, td1.DocumentCode = mrz.TD1, "ID"
	for _, tc := range []struct {
		name  string
		lines []string
		edit  func(l []string) // applied to the lines, check digits not recomputed
		want  []string
	}{
		{"valid passport", mrztest.Lines(valid), nil, nil},
		{"valid card", mrztest.Lines(td1), nil, nil},
		{"wrong document number digit", mrztest.Lines(valid), func(l []string) { l[1] = l[1][:9] + "0" + l[1][10:] },
			[]string{"documentNumber/checkDigit", "composite/checkDigit"}},
		{"misread number character", mrztest.Lines(valid), func(l []string) { l[1] = "O" + l[1][1:] },
			[]string{"documentNumber/checkDigit", "composite/checkDigit"}},
		{"letter O in a date", mrztest.Lines(valid), func(l []string) { l[1] = l[1][:13] + "O" + l[1][14:] },
			[]string{"dateOfBirth/checkDigit", "dateOfBirth/invalid", "composite/checkDigit"}},
		{"month 13", withDOB(valid, "831312"), nil, []string{"dateOfBirth/invalid"}},
		{"31 April", withDOB(valid, "830431"), nil, []string{"dateOfBirth/invalid"}},
		{"29 February 1983", withDOB(valid, "830229"), nil, []string{"dateOfBirth/invalid"}},
		{"unknown day and month", withDOB(valid, "83<<<<"), nil, nil},
		{"sex Q", mrztest.Lines(valid), func(l []string) { l[1] = l[1][:20] + "Q" + l[1][21:] },
			[]string{"sex/invalid"}},
		{"unknown country", mrztest.Lines(valid), func(l []string) { l[0] = l[0][:2] + "ZZZ" + l[0][5:] },
			[]string{"issuingCountry/unknownCountry"}},
		{"visa code on a card", mrztest.Lines(td1), func(l []string) { l[0] = "IV" + l[0][2:] },
			[]string{"documentCode/invalid"}},
		{"card code on a passport", mrztest.Lines(valid), func(l []string) { l[0] = "I<" + l[0][2:] },
			[]string{"documentCode/invalid"}},
		{"digit in the given names", mrztest.Lines(valid), func(l []string) { l[0] = l[0][:17] + "1" + l[0][18:] },
			[]string{"givenNames/invalid"}},
		{"wrong composite", mrztest.Lines(td1), func(l []string) { l[1] = l[1][:29] + string('0'+(l[1][29]-'0'+1)%10) },
			[]string{"composite/checkDigit"}},
		{"wrong personal number digit", mrztest.Lines(withPersonal(valid, "ZE184226B")), func(l []string) { l[1] = l[1][:42] + "9" + l[1][43:] },
			[]string{"optionalData/checkDigit", "composite/checkDigit"}},
		{"empty personal number with digit 0", mrztest.Lines(valid), func(l []string) { l[1] = l[1][:42] + "0" + l[1][43:] }, nil},
		{"too short", []string{"P<D<<MUSTERMANN", "C01X00T47"}, nil, []string{"lines/format"}},
		{"lower case", mrztest.Lines(valid), func(l []string) { l[0] = "p" + l[0][1:] }, []string{"lines/format"}},
		{"long number without its end", []string{
			"I<DEUD23145890<7349ABCDEFGHIJK",
			"3407127M9507122DEU<<<<<<<<<<<0",
			"STEVENSON<<PETER<JOHN<<<<<<<<<",
		}, nil, []string{"documentNumber/invalid", "composite/checkDigit"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := slices.Clone(tc.lines)
			if tc.edit != nil {
				tc.edit(lines)
			}
			_, ps := mrz.ParseAt(lines, now)
			if got := problemKeys(ps); !slices.Equal(got, tc.want) {
				t.Errorf("problems %v, want %v\n%v", got, tc.want, ps)
			}
		})
	}
}

func withDOB(id mrztest.Identity, dob string) []string {
	id.DateOfBirth = dob
	return mrztest.Lines(id)
}

func withPersonal(id mrztest.Identity, p string) mrztest.Identity {
	id.OptionalData = p
	return id
}

func TestCenturyRule(t *testing.T) {
	for _, tc := range []struct {
		dob, exp         string
		wantDOB, wantExp int
	}{
		{"260515", "460515", 2026, 2046}, // born today; expires in exactly 20 years
		{"260516", "460516", 1926, 1946}, // tomorrow is not a birth date; 20 years and a day is too far
		{"000101", "160101", 2000, 2016},
		{"991231", "991231", 1999, 1999},
		{"26<<<<", "300101", 2026, 2030}, // unknown month and day count as 1 January
	} {
		id := valid
		id.DateOfBirth, id.ExpiryDate = tc.dob, tc.exp
		d, ps := mrz.ParseAt(mrztest.Lines(id), now)
		if len(ps) > 0 {
			t.Errorf("%s/%s: %v", tc.dob, tc.exp, ps)
		}
		if d.DateOfBirth.Year != tc.wantDOB || d.ExpiryDate.Year != tc.wantExp {
			t.Errorf("%s/%s: years %d/%d, want %d/%d", tc.dob, tc.exp, d.DateOfBirth.Year, d.ExpiryDate.Year, tc.wantDOB, tc.wantExp)
		}
	}
}

func TestNameTruncationAndFillers(t *testing.T) {
	id := valid
	id.Surname, id.GivenNames = "VON DER HEIDE-SCHMIDT", "ANNA MARIA LUISA JOSEFINE KATHARINA"
	d, ps := mrz.ParseAt(mrztest.Lines(id), now)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if d.Surname != "VON DER HEIDE SCHMIDT" || d.GivenNames != "ANNA MARIA LUISA" {
		t.Errorf("names %q / %q", d.Surname, d.GivenNames)
	}
}
