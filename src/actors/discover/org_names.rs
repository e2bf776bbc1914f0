//! Organizations known by the head noun of their name: "the Kabul Unity
//! Council", "Egypt's General Intelligence Service", "head of Salvation
//! Front", "the Fatah alliance". A part of [`super::discover`].

use super::Scan;
use crate::ontology::gazetteer::Class;

impl Scan<'_> {
    /// The organization whose name opens after token `i` ("the", "'s", or
    /// "of" after a leader's title), and the person a name right after its
    /// head noun names ("the head of the Presidency Council Mohammad
    /// Menfi"), pushed to `found`.
    pub(super) fn organization_names(&self, i: usize, found: &mut Vec<(usize, usize, Class)>) {
        let p = self.p;
        // "the Kabul Unity Council", "the Herat Shura Network", "Egypt's
        // General Intelligence Service", "the al-Qassam Brigades"
        // "head of Salvation Front": after a leader's title and "of", the
        // organization's name opens without "the" too.
        let possessive = self.word(i) == "'s" && i > 0 && self.capitalized[i - 1];
        // "Sudan's transitional Sovereignty Council": one plain adjective
        // between a country's "'s" and the name.
        let adjective = possessive
            && self.tokens.get(i + 1).is_some_and(|t| t.is_word())
            && !self.capitalized[i + 1]
            && !p.title_words.contains(self.word(i + 1))
            && self.capitalized.get(i + 2) == Some(&true);
        let i = if adjective { i + 1 } else { i };
        let opens = self.word(i) == "the" || possessive || (self.word(i) == "of" && p.leader_nouns.match_before(self.tokens, i).is_some());
        let first_cap = self.capitalized.get(i + 1) == Some(&true)
            || (self.particle(i + 1) && self.word(i + 2) == "-" && self.capitalized.get(i + 3) == Some(&true));
        if opens && first_cap {
            let mut j = i + 1;
            while j < self.tokens.len()
                && j < i + 8
                && !self.covered[j]
                && (self.capitalized[j] && self.tokens[j].is_word()
                    || matches!(self.word(j), "of" | "for" | "-")
                    // "the Justice and Equality Movement", but not "the
                    // Sudan Liberation Movement and Justice Movement".
                    || (self.word(j) == "and"
                        && self.capitalized.get(j + 1) == Some(&true)
                        && !p.org_heads.contains_word(self.word(j - 1)))
                    || (self.particle(j) && self.word(j + 1) == "-")
                    // "the Tigray People's Liberation Front"
                    || (self.word(j) == "'s"
                        && p.name_possessives.contains(self.word(j - 1))
                        && self.capitalized.get(j + 1) == Some(&true)))
            {
                j += 1;
            }
            while j > i + 1 && !self.capitalized[j - 1] {
                j -= 1;
            }
            // "the High Council of State": the head noun before "of"; a
            // person's name right after ends it ("... of State Khalid
            // al-Mishri"). Without "of", a person's name after the head
            // noun ends it too: "the head of the Presidency Council
            // Mohammad Menfi".
            let of = (i + 2..j).find(|&k| self.word(k) == "of");
            let mut leader = None;
            let from = of.map_or(i + 2, |o| o + 2);
            if let Some((cut, end)) = (from..j)
                .filter(|&c| of.is_some() || p.org_heads.contains_word(self.word(c - 1)))
                .find_map(|c| self.name_at(c).filter(|&e| e >= j).map(|e| (c, e)))
            {
                leader = (end >= cut + 2).then_some((cut, end));
                j = cut;
            }
            // "the State of Law Coalition": with "of", the head noun may
            // also end the name.
            let head = of.map_or(j - 1, |k| if p.org_heads.contains_word(self.word(k - 1)) { k - 1 } else { j - 1 });
            // "the Russian Federation", "the Czech Republic": a country.
            let country = j == i + 3 && p.is_demonym(self.word(i + 1)) && p.state_heads.contains_word(self.word(i + 2));
            if j >= i + 3 && !country && p.org_heads.contains_word(self.word(head)) && !(i + 1..j).any(|k| self.covered[k]) {
                // "the United Nations Assistance Mission in Afghanistan":
                // a mission's name goes on with the country it serves.
                if of.is_none() && self.word(j) == "in" && p.org_heads_in_place.contains_word(self.word(j - 1)) {
                    let k = if self.word(j + 1) == "the" { j + 2 } else { j + 1 };
                    if p.countries.contains(self.word(k)) && self.capitalized[k] && !self.covered[k] {
                        j = (k..(k + 3).min(self.tokens.len())).take_while(|&m| p.countries.contains(self.word(m))).last().unwrap_or(k) + 1;
                    }
                }
                found.push((i + 1, j, Class::Organization));
                if let Some((b, e)) = leader.filter(|&(b, _)| !self.covered[b]) {
                    found.push((b, e, Class::Person));
                }
            } else if of.is_none()
                && j >= i + 2
                && j < self.tokens.len()
                && !self.capitalized[j]
                && p.lowercase_org_heads.contains_word(self.word(j))
                && (i + 1..j).all(|k| {
                    let w = self.word(k);
                    !self.covered[k]
                        && self.words.proper.contains(w)
                        && !p.is_demonym(w)
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
