//! Organizations known by the head noun of their name: "the Kabul Unity
//! Council", "Egypt's General Intelligence Service", "head of Salvation
//! Front", "the Fatah alliance"; and by the leader's title after them:
//! "Mossad chief David Barnea". A part of [`super::discover`].

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
        // "the (main) opposition Republican People's Party", "the ruling
        // Justice and Development Party": up to two plain words after "the".
        let plain = |k: usize| {
            self.tokens.get(k).is_some_and(|t| t.is_word())
                && !self.capitalized[k]
                && !self.covered[k]
                && (!p.is_title_or_plural(self.word(k)) || p.role_modifiers.contains_word(self.word(k)))
                && !matches!(self.word(k), "and" | "or" | "of" | "for" | "the" | "a" | "an")
        };
        let mut described = 0;
        if self.word(i) == "the" {
            while described < 2 && plain(i + 1 + described) {
                described += 1;
            }
            if described > 0 && self.capitalized.get(i + 1 + described) != Some(&true) {
                described = 0;
            }
        }
        let opens = self.word(i) == "the" || possessive || (self.word(i) == "of" && p.leader_nouns.match_before(self.tokens, i).is_some());
        let i = if adjective { i + 1 } else { i + described };
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
                // Not inside a compound: "Serb-Majority Municipalities".
                .filter(|&c| (of.is_some() || p.org_heads.contains_word(self.word(c - 1))) && self.word(c - 1) != "-")
                .find_map(|c| self.name_at(c).filter(|&e| e >= j).map(|e| (c, e)))
            {
                leader = (end >= cut + 2).then_some((cut, end));
                j = cut;
            }
            // "the State of Law Coalition": with "of", the head noun may
            // also end the name.
            // "the State Committee for National Security": so may the head
            // noun before "for".
            let complement = of.or_else(|| (i + 2..j).find(|&k| self.word(k) == "for"));
            let head = complement.map_or(j - 1, |k| if p.org_heads.contains_word(self.word(k - 1)) { k - 1 } else { j - 1 });
            // "the Russian Federation", "the Czech Republic": a country.
            // "the Russian Federation for Afghanistan": so is one before "for".
            let country = (j == i + 3 || complement == Some(i + 3))
                && p.is_demonym(self.word(i + 1))
                && p.state_heads.contains_word(self.word(i + 2));
            // "the Secretary of Organization of the Socialists": a person's
            // title, one title word and its complement, not a body.
            let title = of == Some(i + 2) && p.titles.match_at(self.tokens, i + 1) == Some(1);
            if j >= i + 3 && !country && !title && p.org_heads.contains_word(self.word(head)) && !(i + 1..j).any(|k| self.covered[k]) {
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

    /// An organization named right before a leader's title and a person:
    /// "Mossad chief David Barnea", "CIA Director William Burns", "World
    /// Jewish Congress president Ronald Lauder". `t` is where the title
    /// starts; gives the organization's token range. Not a nationality
    /// ("Qatari Prime Minister"), not a lone capitalized word that opens the
    /// sentence, not a part of an actor just named ("Hamas Gaza chief").
    pub(super) fn organization_before_title(&self, t: usize) -> Option<(usize, usize)> {
        let mut b = t;
        // "Libyan National Army chief X": a head noun may also be a title's
        // word ("army chief").
        let org_word = |k: usize| {
            let w = self.word(k);
            self.name_word(k)
                || (self.capitalized[k]
                    && !self.covered[k]
                    && self.tokens[k].is_word()
                    && w.chars().count() >= 2
                    && !self.p.not_names.contains_word(w)
                    && !self.p.honorifics.contains_word(w)
                    && !self.p.lead_blockers.contains_word(w)
                    && self.p.leader_titles.match_at(self.tokens, k).is_none())
        };
        while b > 0 && t - b < 5 && org_word(b - 1) {
            b -= 1;
        }
        // "Alongside Mossad head X": the capital of the first word may be
        // the sentence's, not the name's.
        // It is, when the rest is written with capitals inside sentences
        // and the article writes the first word in lower case too. Without
        // that evidence the word stays: "Rapid Support Forces commander X"
        // opening the article's first sentence is one name.
        // Not when an acronym in brackets right after spells the first word
        // too: "National Security Council (NSC) secretary-general X".
        let spelled = || {
            let acronym = if self.word(t) == "(" && self.word(t + 2) == ")" { self.original(t + 1) } else { "" };
            let initials: String = (0..t).filter_map(|k| self.original(k).chars().next()).collect();
            acronym.chars().count() >= 2 && acronym.chars().all(|c| c.is_uppercase()) && initials == acronym
        };
        if b == 0
            && t > 1
            && !spelled()
            && !self.words.proper.contains(self.word(0))
            && self.words.lower.contains(self.word(0))
            && (1..t).all(|k| self.words.proper.contains(self.word(k)))
        {
            b = 1;
        }
        // "UN Libya chief": a place is no part of an organization's name,
        // unless the name ends in an organization's head noun ("Sudan
        // Liberation Movement leader").
        let headed = self.p.org_heads.contains_word(self.word(t - 1));
        if !headed && (b..t).any(|k| self.words.places.contains(self.word(k)) || self.p.countries.contains(self.word(k))) {
            return None;
        }
        if t - b >= 2 && self.nationality(b, t) {
            return None;
        }
        // "the British Labour leader X": a nationality before a one-word
        // name is no part of it ("Libyan National Army" keeps its own).
        if t - b == 2 && self.p.is_demonym(self.word(b)) && !self.p.org_heads.contains_word(self.word(b + 1)) {
            b += 1;
        }
        // "'88 Generation leader X": a name that starts with a number is
        // more than the capitalized words.
        let number_before = b > 0 && self.word(b - 1).chars().all(|c| c.is_ascii_digit());
        if b == t || number_before || (b > 0 && (self.covered[b - 1] || self.word(b - 1) == "'s" || self.word(b - 1) == "-")) {
            return None;
        }
        if t - b == 1 {
            let w = self.original(b);
            let acronym = w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c == '.');
            let folded = self.word(b);
            let nationality = self.p.is_demonym(folded);
            // A lone word is a name when the article never writes it in lower
            // case ("Mossad"), unlike "Rebel leader X" at the start of a
            // sentence beside "the rebel group".
            let proper = self.words.proper.contains(folded) || (b == 0 && !self.words.lower.contains(folded));
            let generic = self.p.generic_organizations.contains_word(folded);
            if !acronym && (nationality || !proper || generic) {
                return None;
            }
        }
        Some((b, t))
    }

    /// "the leader of Sumar, Yolanda Diaz", "head of Podemos (We Can), Pablo
    /// Iglesias": one capitalized word after a leader's noun and "of", then
    /// a comma or a bracket and a person's name, is an organization; not a
    /// country, a place of the document or a title. The nouns are
    /// `leads.one_word_leaders`.
    pub(super) fn one_word_organization(&self, i: usize) -> Option<usize> {
        let p = self.p;
        if i < 2 || self.word(i - 1) != "of" || !self.capitalized[i] || self.covered[i] || !self.tokens[i].is_word() {
            return None;
        }
        if !p.one_word_leaders.contains_word(self.word(i - 2)) {
            return None;
        }
        let w = self.word(i);
        if p.countries.contains(w)
            || self.words.places.contains(w)
            || p.is_demonym(w)
            || p.is_title_or_plural(w)
            || p.not_names.contains_word(w)
            || self.capitalized.get(i + 1) == Some(&true)
        {
            return None;
        }
        // The name of the leader after a comma, or after a translation in
        // brackets.
        let mut k = i + 1;
        if self.word(k) == "(" {
            k = (k + 1..(k + 6).min(self.tokens.len())).find(|&j| self.word(j) == ")")? + 1;
        }
        if self.word(k) != "," {
            return None;
        }
        self.name_at(k + 1).map(|_| i + 1)
    }
}
