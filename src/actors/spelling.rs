//! Whether two names are spellings of one actor: transliterations that
//! differ in vowels and doubled letters ("Faheem"/"Fahim"), initials ("S.
//! Jaishankar"), words added inside or before a name, acronyms ("UN" of
//! "United Nations"). Discovery uses it within a document and against the
//! gazetteer; ingest uses it to join discovered actors across documents.

use crate::ontology::gazetteer::{key_words, Class, Gazetteer};
use std::borrow::Cow;
use std::collections::HashSet;

/// A word's consonant skeleton: transliterations of one name differ mostly
/// in vowels, doubled letters, an "h" after a consonant, the letters for one
/// guttural (q, k, g, c) and a glued article ("Faheem"/"Fahim",
/// "Muttaqi"/"Mottaki", "Gaddafi"/"Kadhafi", "Dbeibah"/"AlDabaiba").
/// A word without a glued article or "Abdul": "aldabaiba" is "dabaiba",
/// "abdulsalam" is "salam" as "Abdul Salam" is once its particle is left out.
fn without_article(w: &str) -> &str {
    let glued = ["abdul", "abdel", "al", "el"].iter().find_map(|p| w.strip_prefix(p));
    match glued {
        Some(rest) if rest.chars().count() >= 5 => rest,
        _ => w,
    }
}

fn skeleton(w: &str) -> String {
    let w = without_article(w);
    // "Dbeibah" / "Dbeiba": a final "h" after a vowel is often not written.
    let w = match w.strip_suffix('h') {
        Some(rest) if rest.ends_with(['a', 'e', 'i', 'o', 'u']) && rest.chars().count() >= 4 => rest,
        _ => w,
    };
    let mut out = String::new();
    let mut prev = ' ';
    for c in w.chars() {
        let c = match c {
            'q' | 'g' | 'c' => 'k',
            'w' => 'v',
            'j' => 'y',
            'z' => 's',
            other => other,
        };
        let after_consonant = !matches!(prev, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | ' ');
        prev = c;
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || (c == 'h' && after_consonant) || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether two folded words are spellings of one name: the same first
/// letter, and the same consonant skeleton or a small edit distance
/// ("zabihullah" / "zabiullah").
fn close(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // An initial is the name it stands for: "S. Jaishankar", "Subrahmanyam
    // Jaishankar".
    if a.chars().count() == 1 || b.chars().count() == 1 {
        return a.chars().next() == b.chars().next();
    }
    if a.chars().count() >= 4 && b.chars().count() >= 4 {
        let (sa, sb) = (skeleton(a), skeleton(b));
        // The same first letter, or a skeleton long enough to carry the name.
        let first = |w: &str| without_article(w).chars().next();
        if sa == sb && (sa.len() >= 3 || (sa.len() >= 2 && first(a) == first(b))) {
            return true;
        }
    }
    let (n, m) = (a.chars().count(), b.chars().count());
    let budget = if n.min(m) >= 7 {
        2
    } else if n.min(m) >= 4 {
        1
    } else {
        0
    };
    if budget == 0 || n.abs_diff(m) > budget || a.chars().next() != b.chars().next() {
        return false;
    }
    edit_distance(a, b) <= budget
}

/// Whether two names are spelling variants of each other: the same number
/// of words, each within a small edit distance ("Fahim Dashti", "Faheem
/// Dashti"), or the same name with words added inside it or before it ("Mohammed
/// bin Abdulrahman bin Jassim Al Thani" for "Mohammed bin Abdulrahman Al
/// Thani", "Palestinian Islamic Jihad" for "Islamic Jihad").
///
/// Particles ("al", "bin") do not count: "Mohamed al-Menfi" is "Mohammad
/// Younes Menfi" with a middle name. A short organization's name takes
/// words before it only (see `extends`).
pub fn variants(a: &str, b: &str, class: Class, particles: &HashSet<String>) -> bool {
    same_words(&key_words(a, particles), &key_words(b, particles), class)
}

/// A ministry's name in one word order: "Ministry of Foreign Affairs of
/// Pakistan" and "Foreign Ministry of Pakistan" are one ministry, written
/// "foreign ministry of pakistan". Other names are left as they are.
fn ministry_form(words: &[String]) -> Cow<'_, [String]> {
    // "(Ethiopian) Ministry of ...": a nationality may come first.
    let Some(m) = words.iter().take(2).position(|w| w == "ministry") else { return Cow::Borrowed(words) };
    if words.len() < m + 3 || words[m + 1] != "of" {
        return Cow::Borrowed(words);
    }
    // The ministry's field runs to the next "of" ("of Pakistan"), or to the end.
    let field_end = words[m + 2..].iter().position(|w| w == "of").map_or(words.len(), |i| i + m + 2);
    let mut field = &words[m + 2..field_end];
    // "Foreign Ministry of Pakistan" is in the other order already; a word
    // before "Ministry of Foreign Affairs" is a nationality.
    if m == 1 && field.len() < 2 {
        return Cow::Borrowed(words);
    }
    if field.len() >= 2 && field[field.len() - 1] == "affairs" {
        field = &field[..field.len() - 1];
    }
    if field.is_empty() {
        return Cow::Borrowed(words);
    }
    let mut out = words[..m].to_vec();
    out.extend_from_slice(field);
    out.push("ministry".to_string());
    out.extend_from_slice(&words[field_end..]);
    Cow::Owned(out)
}

pub(crate) fn same_words(a: &[String], b: &[String], class: Class) -> bool {
    if class == Class::Organization {
        let (a, b) = (ministry_form(a), ministry_form(b));
        // "Transitional Military Council" / "Military Transitional
        // Council": the same words of three or more, two of them swapped.
        if a.len() >= 3 && a.len() == b.len() && a.last() == b.last() {
            let (mut x, mut y) = (a.to_vec(), b.to_vec());
            x.sort();
            y.sort();
            if x == y {
                return true;
            }
        }
        return same_words_in_order(&a, &b, class);
    }
    same_words_in_order(a, b, class)
}

fn same_words_in_order(a: &[String], b: &[String], class: Class) -> bool {
    if a.len() == b.len() {
        if a.iter().zip(b).all(|(x, y)| close(x, y)) {
            return true;
        }
        // "Nyo Tun Aung" / "Nyo Twan Aung": a person's name of three words
        // or more, all alike but one short word spelled two ways with the
        // same first letter.
        let differing: Vec<(&String, &String)> = a.iter().zip(b).filter(|(x, y)| !close(x, y)).collect();
        // "Dan Driscoll" / "Daniel Driscoll": a short form of the first name
        // (three or four letters that begin a name at least two longer).
        let short_first_name = |x: &str, y: &str| {
            let (s, l) = if x.len() < y.len() { (x, y) } else { (y, x) };
            (3..=4).contains(&s.chars().count()) && l.chars().count() >= s.chars().count() + 2 && l.starts_with(s)
        };
        return class == Class::Person
            && differing.len() == 1
            && ((a.len() >= 3
                && differing[0].0.chars().next() == differing[0].1.chars().next()
                && edit_distance(differing[0].0, differing[0].1) <= 2)
                || (a.len() >= 2 && !close(&a[0], &b[0]) && short_first_name(&a[0], &b[0])));
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    // "Islamic Jihad" / "Islamic Jihad Movement": a generic head noun added.
    // "Labour" / "Labour Party": one word of four letters or more is enough.
    let generic_head = |w: &String| matches!(w.as_str(), "movement" | "group" | "organization" | "organisation" | "party");
    let long_enough = short.len() >= 2 || short.first().is_some_and(|w| w.chars().count() >= 4);
    if class == Class::Organization && long.len() == short.len() + 1 && generic_head(&long[long.len() - 1]) && long_enough {
        return long.iter().zip(short).all(|(l, w)| close(w, l));
    }
    // "Álvaro Uribe" / "Álvaro Uribe Vélez": a second surname after a
    // person's full name.
    let second_surname = class == Class::Person
        && short.len() >= 2
        && long.len() == short.len() + 1
        && short.iter().zip(long).all(|(w, l)| close(w, l))
        && short[short.len() - 1].chars().count() >= 4;
    second_surname
        || extends(short, long, class)
        || abbreviates(short, long)
        || (class == Class::Organization && with_acronym_inside(short, long))
}

/// "UN Security Council" / "United Nations Security Council": the same
/// words, one of them the acronym of several consecutive words of the other.
fn with_acronym_inside(short: &[String], long: &[String]) -> bool {
    let (mut i, mut j, mut expanded) = (0, 0, false);
    while i < short.len() && j < long.len() {
        if close(&short[i], &long[j]) {
            i += 1;
            j += 1;
            continue;
        }
        let n = short[i].chars().count();
        let initials: String = long[j..(j + n).min(long.len())].iter().filter_map(|w| w.chars().next()).collect();
        if (2..=4).contains(&n) && j + n <= long.len() && initials == short[i] {
            i += 1;
            j += n;
            expanded = true;
            continue;
        }
        return false;
    }
    expanded && i == short.len() && j == long.len()
}

/// Levenshtein distance of two words, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether a one-word name is the acronym of a longer one: "UN" of "United
/// Nations", "AU" of "African Union" (small words such as "of" left out).
fn abbreviates(short: &[String], long: &[String]) -> bool {
    let [acronym] = short else { return false };
    let n = acronym.chars().count();
    if !(2..=6).contains(&n) || long.len() < 2 {
        return false;
    }
    // "Tigray People's Liberation Front": the possessive's "s" is no word.
    let words: Vec<&String> =
        long.iter().filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "and" | "in" | "on" | "to" | "s")).collect();
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    // "UNSC" of "UN Security Council": a short word that is itself an
    // acronym gives all its letters.
    let with_acronyms: String =
        words.iter().map(|w| if w.chars().count() <= 3 { w.to_string() } else { w.chars().take(1).collect() }).collect();
    initials == *acronym || with_acronyms == *acronym
}

/// Whether `long` is `short` with words added: the short name has two words
/// or more, ends like the long one, and its words come in the long one in
/// order. A different last word is a different person ("Amir Khan
/// Haqqani" is not "Amir Khan Muttaqi"). An organization of two words
/// takes words before its name only ("Palestinian Islamic Jihad"): "Main
/// Intelligence Directorate" is not the "Main Directorate", while "Myanmar
/// National Democratic Army" is the same army with a word left out.
fn extends(short: &[String], long: &[String], class: Class) -> bool {
    if short.len() < 2 || !close(&short[short.len() - 1], &long[long.len() - 1]) {
        return false;
    }
    if class == Class::Organization && short.len() < 3 {
        return long[long.len() - short.len()..].iter().zip(short).all(|(l, w)| close(w, l));
    }
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|l| close(w, l)))
}

/// The gazetteer entity of this class that a name is a spelling variant of:
/// one of its labels with the same words, or else one that the name extends.
pub(crate) fn variant_of(gaz: &Gazetteer, class: Class, words: &[String]) -> Option<usize> {
    let of_class = || gaz.label_words.iter().filter(|(e, _)| gaz.entities[*e].class == class);
    let exact = of_class().find(|(_, lw)| lw.len() == words.len() && lw.iter().zip(words).all(|(a, b)| close(a, b))).map(|(e, _)| *e);
    exact.or_else(|| {
        let mut hits: Vec<usize> =
            of_class().filter(|(_, lw)| lw.len() < words.len() && extends(lw, words, class)).map(|(e, _)| *e).collect();
        hits.dedup();
        // Two listed actors the name could extend: it is neither for sure.
        (hits.len() == 1).then(|| hits[0])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_are_close() {
        assert!(close("zabihullah", "zabiullah"));
        assert!(close("mottaki", "muttaki"));
        assert!(close("faheem", "fahim"));
        assert!(close("dashty", "dashti"));
        assert!(close("muttaqi", "mottaki"));
        assert!(close("s", "subrahmanyam"));
        assert!(close("aldabaiba", "dbeibah"));
        assert!(close("abdulsalam", "salam"));
        assert!(!close("abdulaziz", "aziz"));
        assert!(!close("s", "rajan"));
        assert!(!close("amir", "omar"));
        assert!(!close("saleh", "salim"));
        assert!(!close("khan", "khalid"));
        assert!(!close("ahmad", "mahmad"));
    }

    #[test]
    fn names_of_three_words_may_differ_in_one_short_word() {
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(same_words(&w("nyo tun aung"), &w("nyo twan aung"), Class::Person));
        assert!(!same_words(&w("nyo tun aung"), &w("nyo min aung"), Class::Person));
        assert!(!same_words(&w("karim sadat"), &w("karim sadiq"), Class::Person));
        assert!(same_words(&w("islamic jihad"), &w("islamic jihad movement"), Class::Organization));
        assert!(!same_words(&w("islamic jihad"), &w("islamic jihad council"), Class::Organization));
        assert!(same_words(&w("un security council"), &w("united nations security council"), Class::Organization));
        assert!(same_words(&w("unsc"), &w("un security council"), Class::Organization));
        assert!(!same_words(&w("un security council"), &w("united nations human rights council"), Class::Organization));
        assert!(same_words(&w("dan driscoll"), &w("daniel driscoll"), Class::Person));
        assert!(!same_words(&w("ali karim"), &w("alim karim"), Class::Person));
        assert!(!same_words(&w("dan driscoll"), &w("daniel dorsey"), Class::Person));
        assert!(same_words(&w("alvaro uribe"), &w("alvaro uribe velez"), Class::Person));
        assert!(!same_words(&w("alvaro uribe"), &w("alvaro uribe velez"), Class::Organization));
    }

    #[test]
    fn organizations_in_another_word_order_or_by_acronym() {
        let org = |a: &str, b: &str| variants(a, b, Class::Organization, &HashSet::new());
        let ministries = [
            ("Ministry of Foreign Affairs of Pakistan", "Foreign Ministry of Pakistan"),
            ("Ministry of Defence", "Defence Ministry"),
            ("Ministry of Foreign Affairs", "Foreign Ministry"),
            ("Ethiopian Ministry of Foreign Affairs", "Ethiopian Foreign Ministry"),
        ];
        assert!(ministries.iter().all(|(a, b)| org(a, b)));
        assert!(org("Transitional Military Council", "Military Transitional Council"));
        assert!(org("TPLF", "Tigray People's Liberation Front"));
        assert!(org("Labour", "Labour Party"));
        let others = [
            ("Ministry of Defence", "Foreign Ministry"),
            ("Ministry of Foreign Affairs of Pakistan", "Foreign Ministry of India"),
            ("Ministry of Foreign Affairs", "Ministry of Interior"),
            ("Transitional Military Council", "Military Transitional Authority"),
            ("Labour", "Labour Council"),
        ];
        for (a, b) in others {
            assert!(!org(a, b), "{a} / {b}");
        }
    }
}
