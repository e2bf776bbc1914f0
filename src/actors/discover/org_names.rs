//! Organizations known by the head noun of their name: "the Kabul Unity
//! Council", "Egypt's General Intelligence Service", "head of Salvation
//! Front", "the Fatah alliance". A part of [`super::discover`].

use super::{is_demonym, Scan};
use crate::ontology::gazetteer::Class;

impl Scan<'_> {
    /// The organization whose name opens after token `i` ("the", "'s", or
    /// "of" after a leader's title), and the person a name right after its
    /// head noun names ("the head of the Presidency Council Mohammad
    /// Menfi"), pushed to `found`.
    pub(super) fn organization_names(&self, i: usize, found: &mut Vec<(usize, usize, Class)>) {
        let scan = self;
        let p = self.p;
        // "the Kabul Unity Council", "the Herat Shura Network", "Egypt's
        // General Intelligence Service", "the al-Qassam Brigades"
        // "head of Salvation Front": after a leader's title and "of", the
        // organization's name opens without "the" too.
        let possessive = scan.word(i) == "'s" && i > 0 && scan.capitalized[i - 1];
        // "Sudan's transitional Sovereignty Council": one plain adjective
        // between a country's "'s" and the name.
        let adjective = possessive
            && scan.tokens.get(i + 1).is_some_and(|t| t.is_word())
            && !scan.capitalized[i + 1]
            && !p.title_words.contains(scan.word(i + 1))
            && scan.capitalized.get(i + 2) == Some(&true);
        let i = if adjective { i + 1 } else { i };
        let opens = scan.word(i) == "the" || possessive || (scan.word(i) == "of" && p.leader_nouns.match_before(scan.tokens, i).is_some());
        let first_cap = scan.capitalized.get(i + 1) == Some(&true)
            || (scan.particle(i + 1) && scan.word(i + 2) == "-" && scan.capitalized.get(i + 3) == Some(&true));
        if opens && first_cap {
            let mut j = i + 1;
            while j < scan.tokens.len()
                && j < i + 8
                && !scan.covered[j]
                && (scan.capitalized[j] && scan.tokens[j].is_word()
                    || matches!(scan.word(j), "of" | "for" | "-")
                    // "the Justice and Equality Movement", but not "the
                    // Sudan Liberation Movement and Justice Movement".
                    || (scan.word(j) == "and"
                        && scan.capitalized.get(j + 1) == Some(&true)
                        && !p.org_heads.contains_word(scan.word(j - 1)))
                    || (scan.particle(j) && scan.word(j + 1) == "-")
                    // "the Tigray People's Liberation Front"
                    || (scan.word(j) == "'s"
                        && p.name_possessives.contains(scan.word(j - 1))
                        && scan.capitalized.get(j + 1) == Some(&true)))
            {
                j += 1;
            }
            while j > i + 1 && !scan.capitalized[j - 1] {
                j -= 1;
            }
            // "the High Council of State": the head noun before "of"; a
            // person's name right after ends it ("... of State Khalid
            // al-Mishri"). Without "of", a person's name after the head
            // noun ends it too: "the head of the Presidency Council
            // Mohammad Menfi".
            let of = (i + 2..j).find(|&k| scan.word(k) == "of");
            let mut leader = None;
            let from = of.map_or(i + 2, |o| o + 2);
            if let Some((cut, end)) = (from..j)
                .filter(|&c| of.is_some() || p.org_heads.contains_word(scan.word(c - 1)))
                .find_map(|c| scan.name_at(c).filter(|&e| e >= j).map(|e| (c, e)))
            {
                leader = (end >= cut + 2).then_some((cut, end));
                j = cut;
            }
            // "the State of Law Coalition": with "of", the head noun may
            // also end the name.
            let head = of.map_or(j - 1, |k| if p.org_heads.contains_word(scan.word(k - 1)) { k - 1 } else { j - 1 });
            // "the Russian Federation", "the Czech Republic": a country.
            let country =
                j == i + 3 && is_demonym(p, scan.word(i + 1)) && matches!(scan.word(i + 2), "federation" | "republic" | "kingdom");
            if j >= i + 3 && !country && p.org_heads.contains_word(scan.word(head)) && !(i + 1..j).any(|k| scan.covered[k]) {
                // "the United Nations Assistance Mission in Afghanistan":
                // a mission's name goes on with the country it serves.
                if of.is_none() && scan.word(j) == "in" && p.org_heads_in_place.contains_word(scan.word(j - 1)) {
                    let k = if scan.word(j + 1) == "the" { j + 2 } else { j + 1 };
                    if p.countries.contains(scan.word(k)) && scan.capitalized[k] && !scan.covered[k] {
                        j = (k..(k + 3).min(scan.tokens.len())).take_while(|&m| p.countries.contains(scan.word(m))).last().unwrap_or(k) + 1;
                    }
                }
                found.push((i + 1, j, Class::Organization));
                if let Some((b, e)) = leader.filter(|&(b, _)| !scan.covered[b]) {
                    found.push((b, e, Class::Person));
                }
            } else if of.is_none()
                && j >= i + 2
                && j < scan.tokens.len()
                && !scan.capitalized[j]
                && p.lowercase_org_heads.contains_word(scan.word(j))
                && (i + 1..j).all(|k| {
                    let w = scan.word(k);
                    !scan.covered[k]
                        && scan.words.proper.contains(w)
                        && !is_demonym(p, w)
                        && !p.countries.contains(w)
                        && !p.title_words.contains(w)
                })
            {
                // "the Fatah alliance", "the Wagner group": a name the
                // article never writes in lower case, then a lower-case
                // head noun.
                found.push((i + 1, j + 1, Class::Organization));
            }
        }
    }
}
