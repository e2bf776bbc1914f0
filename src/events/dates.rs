//! Date expressions in a sentence ("on Tuesday", "last week", "Jan 12",
//! "12 January 2022", "in January", a dateline "New Delhi, Jan 12:"),
//! resolved against the article's date with a precision.
//!
//! News reports past events, so a weekday means the most recent such day on
//! or before the article date. Nothing is guessed: without an article date a
//! relative expression stays unresolved (its text is kept), and an absolute
//! one without a year takes the article's year or stays unresolved too.
//!
//! ```
//! use actorgraph::events::dates::{find, Date, Precision};
//! let published = Date::parse_iso("2022-01-12"); // a Wednesday
//! let found = find("On Tuesday, A and B met in C.", published);
//! assert_eq!(found[0].text, "On Tuesday");
//! let r = found[0].resolved.unwrap();
//! assert_eq!((r.value(), r.precision), ("2022-01-11".to_string(), Precision::Day));
//! assert!(find("On Tuesday, A and B met.", None)[0].resolved.is_none());
//! ```

use std::fmt;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Reads the date at the start of an ISO 8601 string ("2022-01-12",
    /// "2022-01-12T08:00:00Z").
    ///
    /// ```
    /// use actorgraph::events::dates::Date;
    /// assert_eq!(Date::parse_iso("2022-01-12T08:00Z"), Date::new(2022, 1, 12));
    /// assert_eq!(Date::parse_iso("Jan 12"), None);
    /// ```
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || b.get(10).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r).filter(|t| t.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// 0 for Monday ... 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How exactly a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    pub fn parse(s: &str) -> Option<Precision> {
        [Precision::Day, Precision::Week, Precision::Month, Precision::Year].into_iter().find(|p| p.as_str() == s)
    }
}

/// A resolved date: the interval it stands for and its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Resolved {
    pub earliest: Date,
    pub latest: Date,
    pub precision: Precision,
}

impl Resolved {
    pub fn day(d: Date) -> Resolved {
        Resolved { earliest: d, latest: d, precision: Precision::Day }
    }

    pub fn month(year: i32, month: u32) -> Resolved {
        Resolved {
            earliest: Date { year, month, day: 1 },
            latest: Date { year, month, day: days_in_month(year, month) },
            precision: Precision::Month,
        }
    }

    pub fn year(year: i32) -> Resolved {
        Resolved { earliest: Date { year, month: 1, day: 1 }, latest: Date { year, month: 12, day: 31 }, precision: Precision::Year }
    }

    /// The Monday-to-Sunday week that holds `d`.
    pub fn week_of(d: Date) -> Resolved {
        let monday = d.add_days(-i64::from(d.weekday()));
        Resolved { earliest: monday, latest: monday.add_days(6), precision: Precision::Week }
    }

    /// The lexical value of the matching XSD type: `xsd:date` for a day (and
    /// for a week, its Monday), `xsd:gYearMonth` for a month, `xsd:gYear`
    /// for a year.
    ///
    /// ```
    /// use actorgraph::events::dates::Resolved;
    /// assert_eq!(Resolved::month(2022, 1).value(), "2022-01");
    /// ```
    pub fn value(&self) -> String {
        match self.precision {
            Precision::Day | Precision::Week => self.earliest.to_string(),
            Precision::Month => format!("{:04}-{:02}", self.earliest.year, self.earliest.month),
            Precision::Year => format!("{:04}", self.earliest.year),
        }
    }

    /// Whether two dates may be the same day: their intervals overlap.
    ///
    /// ```
    /// use actorgraph::events::dates::{Date, Resolved};
    /// let jan = Resolved::month(2022, 1);
    /// assert!(jan.agrees(&Resolved::day(Date::new(2022, 1, 11).unwrap())));
    /// assert!(!jan.agrees(&Resolved::day(Date::new(2022, 2, 1).unwrap())));
    /// ```
    pub fn agrees(&self, other: &Resolved) -> bool {
        self.earliest <= other.latest && other.earliest <= self.latest
    }

    /// The common part of two agreeing dates, with the finer precision.
    pub fn narrow(&self, other: &Resolved) -> Resolved {
        if other.precision < self.precision {
            *other
        } else {
            *self
        }
    }
}

/// What kind of expression a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Needs the article date ("on Tuesday", "last week", "yesterday").
    Relative,
    /// Names the date ("Jan 12", "12 January 2022", "in 2021").
    Absolute,
    /// The place and date that open a wire report ("New Delhi, Jan 12:");
    /// it dates the report, not the events in it.
    Dateline,
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    pub resolved: Option<Resolved>,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    lower: String,
}

impl Tok<'_> {
    fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    fn number(&self) -> Option<u32> {
        (self.text.len() <= 4 && self.text.bytes().all(|b| b.is_ascii_digit())).then(|| self.text.parse().ok()).flatten()
    }
    /// A day of the month, "12" or "12th".
    fn day(&self) -> Option<u32> {
        let digits = self.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &self.lower[digits.len()..];
        let ok = digits.len() <= 2
            && !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && ["", "st", "nd", "rd", "th"].contains(&suffix);
        ok.then(|| digits.parse().ok()).flatten().filter(|d| (1..=31).contains(d))
    }
    fn year(&self) -> Option<i32> {
        (self.text.len() == 4).then(|| self.number()).flatten().map(|y| y as i32).filter(|y| (1800..=2200).contains(y))
    }
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
        }
        out.push(Tok { start: i, end, text: &s[i..end], lower: s[i..end].to_lowercase() });
    }
    out
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A capitalised month name or abbreviation ("Jan", "Sept"); abbreviations
/// and "May" only count next to a number, where they cannot be other words.
fn month(t: &Tok, next_to_number: bool) -> Option<u32> {
    if !t.capitalized() {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| *m == t.lower) {
        return (t.lower != "may" || next_to_number).then_some(i as u32 + 1);
    }
    if !next_to_number || t.lower.len() < 3 {
        return None;
    }
    let abbr = if t.lower == "sept" { "sep" } else { t.lower.as_str() };
    (abbr.len() == 3).then(|| MONTHS.iter().position(|m| m.starts_with(abbr)).map(|i| i as u32 + 1)).flatten()
}

fn weekday(t: &Tok) -> Option<u32> {
    if !t.capitalized() {
        return None;
    }
    WEEKDAYS.iter().position(|w| *w == t.lower).map(|i| i as u32)
}

/// Number words for "two days ago".
fn count(t: &Tok) -> Option<i64> {
    const WORDS: [&str; 11] = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    t.number().map(i64::from).or_else(|| WORDS.iter().position(|w| *w == t.lower).map(|i| (i as i64).max(1)))
}

/// Finds the date expressions of `sentence`; `reference` is the article's
/// date when known.
///
/// ```
/// use actorgraph::events::dates::{find, Date, Kind, Precision};
/// let r = Date::parse_iso("2022-01-12");
/// let d = find("New Delhi, Jan 12: talks were held last week.", r);
/// assert_eq!(d[0].kind, Kind::Dateline);
/// assert_eq!(d[1].text, "last week");
/// assert_eq!(d[1].resolved.unwrap().precision, Precision::Week);
/// assert_eq!(d[1].resolved.unwrap().value(), "2022-01-03");
/// ```
pub fn find(sentence: &str, reference: Option<Date>) -> Vec<DateMention> {
    let toks = tokenize(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match match_at(&toks, i, reference) {
            Some((len, kind, resolved)) => {
                let (start, end) = (toks[i].start, toks[i + len - 1].end);
                let kind = if kind == Kind::Absolute && is_dateline(&toks, i, i + len) { Kind::Dateline } else { kind };
                out.push(DateMention { start, end, text: sentence[start..end].to_string(), kind, resolved });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// A dateline is a date after one to five capitalised words and a comma at
/// the start of the sentence, followed by a colon or a dash.
fn is_dateline(toks: &[Tok], start: usize, end: usize) -> bool {
    let before = &toks[..start];
    let follows = toks.get(end).is_some_and(|t| [":", "-", "\u{2013}", "\u{2014}"].contains(&t.text));
    follows
        && before.len() >= 2
        && before.len() <= 6
        && before.last().is_some_and(|t| t.text == ",")
        && before[..before.len() - 1].iter().all(|t| t.capitalized() || t.text == "." || t.text == ",")
}

type Match = (usize, Kind, Option<Resolved>);

fn match_at(toks: &[Tok], i: usize, reference: Option<Date>) -> Option<Match> {
    let t = &toks[i];
    let get = |k: usize| toks.get(i + k);
    let lower = |k: usize| get(k).map_or("", |t| t.lower.as_str());
    // An optional "on"/"in" is part of the expression: "on Tuesday".
    let lead = usize::from(["on", "in"].contains(&t.lower.as_str()) && get(1).is_some());
    if let Some(m) = absolute(toks, i + lead, reference) {
        return Some((m.0 + lead, m.1, m.2));
    }
    if let Some(m) = in_year(toks, i) {
        return Some(m);
    }
    let j = i + lead;
    let u = toks.get(j)?;
    // Weekdays, possibly after "last"/"this"/"next" (without "on").
    let (shift, w_at) = match u.lower.as_str() {
        "last" | "this" | "next" if lead == 0 => (Some(u.lower.as_str()), j + 1),
        _ => (None, j),
    };
    if let Some(wd) = toks.get(w_at).and_then(weekday) {
        let resolved = reference.map(|r| {
            let back = (i64::from(r.weekday()) - i64::from(wd)).rem_euclid(7);
            let d = if shift == Some("next") {
                r.add_days((i64::from(wd) - i64::from(r.weekday()) - 1).rem_euclid(7) + 1)
            } else {
                r.add_days(-back)
            };
            Resolved::day(d)
        });
        return Some((w_at + 1 - i, Kind::Relative, resolved));
    }
    if lead == 0 {
        match t.lower.as_str() {
            "yesterday" => return Some((1, Kind::Relative, reference.map(|r| Resolved::day(r.add_days(-1))))),
            "today" => return Some((1, Kind::Relative, reference.map(Resolved::day))),
            "last" | "this" | "next" | "past" => {
                let step: i64 = match t.lower.as_str() {
                    "last" | "past" => -1,
                    "this" => 0,
                    _ => 1,
                };
                if let unit @ ("week" | "month" | "year") = lower(1) {
                    let resolved = reference.map(|r| match unit {
                        "week" => Resolved::week_of(r.add_days(7 * step)),
                        "month" => {
                            let m0 = i64::from(r.year) * 12 + i64::from(r.month) - 1 + step;
                            Resolved::month(m0.div_euclid(12) as i32, (m0.rem_euclid(12) + 1) as u32)
                        }
                        _ => Resolved::year(r.year + step as i32),
                    });
                    return Some((2, Kind::Relative, resolved));
                }
            }
            _ => {}
        }
        // "two days ago", "a week ago".
        if let (Some(n), unit, "ago") = (count(t), lower(1), lower(2)) {
            let days = match unit {
                "day" | "days" => Some(n),
                "week" | "weeks" => Some(7 * n),
                _ => None,
            };
            if let Some(days) = days {
                let resolved = reference.map(|r| {
                    let d = r.add_days(-days);
                    if days % 7 == 0 && days > 0 && unit.starts_with("week") {
                        Resolved::week_of(d)
                    } else {
                        Resolved::day(d)
                    }
                });
                return Some((3, Kind::Relative, resolved));
            }
        }
    }
    None
}

/// "2022-01-12", "12 January 2022", "Jan. 12, 2022", "Jan 12", "January
/// 2022", "in January", "in 2021".
fn absolute(toks: &[Tok], i: usize, reference: Option<Date>) -> Option<Match> {
    let get = |k: usize| toks.get(i + k);
    let t = get(0)?;
    let in_before = i > 0 && toks[i - 1].lower == "in";
    let year_of = |y: Option<i32>| y.or(reference.map(|r| r.year));
    // ISO: 2022-01-12
    if let (Some(y), Some("-"), Some(m), Some("-"), Some(d)) =
        (t.year(), get(1).map(|t| t.text), get(2).and_then(Tok::number), get(3).map(|t| t.text), get(4).and_then(Tok::number))
    {
        if let Some(date) = Date::new(y, m, d) {
            return Some((5, Kind::Absolute, Some(Resolved::day(date))));
        }
    }
    // Day first: 12 January [2022]
    if let Some(d) = t.day() {
        if let Some(m) = get(1).and_then(|t| month(t, true)) {
            // "12 Jan. 2022": the period belongs to the date only before a year.
            let dot = usize::from(get(2).is_some_and(|t| t.text == "."));
            let year = get(2 + dot).and_then(Tok::year);
            let len = if year.is_some() { 3 + dot } else { 2 };
            let resolved = year_of(year).and_then(|y| Date::new(y, m, d)).map(Resolved::day);
            return Some((len, Kind::Absolute, resolved));
        }
    }
    // Month first: Jan. 12[th][,] [2022] | January 2022 | in January
    let dot = usize::from(get(1).is_some_and(|t| t.text == "."));
    let day = get(1 + dot).and_then(Tok::day);
    let year_next = get(1 + dot).and_then(Tok::year);
    let m = month(t, day.is_some() || year_next.is_some())?;
    if let Some(d) = day {
        let mut len = 2 + dot;
        let comma = usize::from(get(len).is_some_and(|t| t.text == ","));
        let year = get(len + comma).and_then(Tok::year);
        if year.is_some() {
            len += comma + 1;
        }
        let resolved = year_of(year).and_then(|y| Date::new(y, m, d)).map(Resolved::day);
        return Some((len, Kind::Absolute, resolved));
    }
    if let Some(y) = year_next {
        return Some((2 + dot, Kind::Absolute, Some(Resolved::month(y, m))));
    }
    if in_before {
        return Some((1, Kind::Absolute, year_of(None).map(|y| Resolved::month(y, m))));
    }
    None
}

/// "in 2021": a year alone only counts after "in", where it cannot be a
/// quantity ("2000 fighters").
fn in_year(toks: &[Tok], i: usize) -> Option<Match> {
    (toks[i].lower == "in").then_some(())?;
    let y = toks.get(i + 1)?.year()?;
    Some((2, Kind::Absolute, Some(Resolved::year(y))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn one(text: &str, reference: Option<&str>) -> (String, Option<(String, Precision)>) {
        let found = find(text, reference.map(d));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (found[0].text.clone(), found[0].resolved.map(|r| (r.value(), r.precision)))
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for days in [-800_000, -1, 0, 1, 18_000, 19_003, 60_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2022-01-12").weekday(), 2);
        assert_eq!(d("2024-02-28").add_days(1), d("2024-02-29"));
        assert_eq!(Date::new(2022, 2, 29), None);
    }

    #[test]
    fn weekdays_are_the_last_such_day_on_or_before_the_article_date() {
        let r = Some("2022-01-12"); // Wednesday
        assert_eq!(one("They met on Tuesday.", r), ("on Tuesday".into(), Some(("2022-01-11".into(), Precision::Day))));
        assert_eq!(one("He spoke Wednesday.", r).1, Some(("2022-01-12".into(), Precision::Day)));
        assert_eq!(one("They met on Monday.", r).1, Some(("2022-01-10".into(), Precision::Day)));
        assert_eq!(one("They met on Thursday.", r).1, Some(("2022-01-06".into(), Precision::Day)));
        assert_eq!(one("They meet next Monday.", r).1, Some(("2022-01-17".into(), Precision::Day)));
        assert_eq!(one("They met yesterday.", r).1, Some(("2022-01-11".into(), Precision::Day)));
        assert_eq!(one("They met two days ago.", r).1, Some(("2022-01-10".into(), Precision::Day)));
        // A lower-case "monday" in running text is not trusted to be a day.
        assert!(find("the monday crowd", Some(d("2022-01-12"))).is_empty());
    }

    #[test]
    fn weeks_months_and_years() {
        let r = Some("2022-01-12");
        assert_eq!(one("They met last week.", r).1, Some(("2022-01-03".into(), Precision::Week)));
        assert_eq!(one("They met last month.", r).1, Some(("2021-12".into(), Precision::Month)));
        assert_eq!(one("They met this month.", r).1, Some(("2022-01".into(), Precision::Month)));
        assert_eq!(one("They met last year.", r).1, Some(("2021".into(), Precision::Year)));
        assert_eq!(one("They met in January.", r), ("in January".into(), Some(("2022-01".into(), Precision::Month))));
        assert_eq!(one("They met in March 2021.", None).1, Some(("2021-03".into(), Precision::Month)));
        assert_eq!(one("He was killed in 2001.", None).1, Some(("2001".into(), Precision::Year)));
        assert!(find("They may meet in Kabul.", None).is_empty());
        assert!(find("2000 fighters marched.", None).is_empty());
    }

    #[test]
    fn absolute_days_in_every_order() {
        let r = Some("2022-01-12");
        for text in [
            "on Jan 12",
            "Jan. 12",
            "January 12",
            "January 12th",
            "12 January",
            "12 Jan",
            "on January 12, 2022",
            "12 January 2022",
            "2022-01-12",
        ] {
            assert_eq!(one(&format!("They met {text}."), r).1, Some(("2022-01-12".into(), Precision::Day)), "{text}");
        }
        assert_eq!(one("06 Sep 2021 7:36 PM", None).1, Some(("2021-09-06".into(), Precision::Day)));
        assert_eq!(one("on September 9, 2001, he died", None).1, Some(("2001-09-09".into(), Precision::Day)));
    }

    #[test]
    fn nothing_is_guessed_without_the_article_date() {
        for text in ["on Tuesday", "last week", "yesterday", "Jan 12", "in January", "last month"] {
            let (found, resolved) = one(&format!("They met {text}."), None);
            assert_eq!(found, text);
            assert_eq!(resolved, None, "{text}");
        }
        assert_eq!(one("They met Jan 12, 2022.", None).1, Some(("2022-01-12".into(), Precision::Day)));
    }

    #[test]
    fn datelines_are_told_apart() {
        let found = find("New Delhi, Jan 12: The talks failed.", Some(d("2022-01-12")));
        assert_eq!(found[0].kind, Kind::Dateline);
        let found = find("TEHRAN, Jan. 10 \u{2013} A held talks on Sunday with B.", None);
        assert_eq!(found[0].kind, Kind::Dateline);
        assert_eq!(found[1].kind, Kind::Relative);
        assert_eq!(find("They met on Jan 12: it went well.", None)[0].kind, Kind::Absolute);
    }

    #[test]
    fn week_interval_agrees_with_its_days() {
        let week = Resolved::week_of(d("2022-01-12"));
        assert!(week.agrees(&Resolved::day(d("2022-01-16"))));
        assert!(!week.agrees(&Resolved::day(d("2022-01-17"))));
        assert_eq!(week.narrow(&Resolved::day(d("2022-01-11"))).precision, Precision::Day);
    }
}
