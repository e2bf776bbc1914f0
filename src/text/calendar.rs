//! Calendar dates as metadata writes them (YYYY-MM-DD), shared by the
//! document readers and the HTML reader.

/// Whether `s` is a calendar date written YYYY-MM-DD.
///
/// ```
/// assert!(actorgraph::text::calendar::valid_date("2024-02-29"));
/// assert!(!actorgraph::text::calendar::valid_date("2023-02-29"));
/// assert!(!actorgraph::text::calendar::valid_date("2022-1-10"));
/// ```
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit()) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (s[..4].parse::<u32>(), s[5..7].parse::<u32>(), s[8..].parse::<u32>()) else { return false };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
