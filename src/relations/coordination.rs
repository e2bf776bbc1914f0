//! Coordination and apposition: which units form a group ("A, B and C",
//! "A and the president of B, C"), where a group starts and ends, and what an
//! apposition closes ("A, leader of B,").

use super::model::Ctx;
use super::model::{COPULA, PREPOSITIONS};
use crate::ontology::gazetteer::Class;

impl Ctx<'_> {
    /// Whether tokens `a..b` join two members of a coordination:
    /// ", ", " and ", ", and the ", " & ", " or ", optionally followed by
    /// a short title ("and acting foreign minister").
    pub(super) fn is_coordination_gap(&self, a: usize, b: usize) -> bool {
        // "A (L) and B (R)": a photo caption's position after a name.
        let a = a + self.position_marker_at(a);
        if a > b {
            return false;
        }
        let gap = &self.tokens[a..b];
        let mut k = 0;
        while k < gap.len() && matches!(gap[k].text.as_str(), "," | "and" | "&" | "or" | "\"" | "'") {
            k += 1;
        }
        // "A as well as B", "A, as well as B": a conjunction of its own.
        let mut as_well_as = false;
        if k < gap.len()
            && gap[k].text == "as"
            && gap.get(k + 1).is_some_and(|t| t.text == "well")
            && gap.get(k + 2).is_some_and(|t| t.text == "as")
        {
            k += 3;
            as_well_as = true;
        }
        if k == 0 || !(as_well_as || gap[..k].iter().any(|t| matches!(t.text.as_str(), "," | "and" | "&" | "or"))) {
            return false;
        }
        // "met with A, as well as with B": the verb's preposition again.
        if gap.get(k).is_some_and(|t| t.text == "with") {
            k += 1;
        }
        // "and leaders of the", "and a delegation from"
        let mut m = k;
        while m < gap.len() && matches!(gap[m].text.as_str(), "a" | "an" | "the" | "its" | "their") {
            m += 1;
        }
        if let Some(n) = self.p.proxies.match_at(self.tokens, a + m) {
            let mut r = m + n;
            if r < gap.len() && matches!(gap[r].text.as_str(), "of" | "from") {
                r += 1;
                while r < gap.len() && matches!(gap[r].text.as_str(), "the" | "a" | "an") {
                    r += 1;
                }
                if r == gap.len() {
                    return true;
                }
            }
        }
        let rest = &gap[k..];
        let conjunction = gap[..k].iter().any(|t| matches!(t.text.as_str(), "and" | "&" | "or"));
        // "and former US secretary of state Antony Blinken": the words of a
        // title phrase, "of" included.
        let mut in_title = vec![false; rest.len()];
        if rest.len() > 5 || rest.iter().any(|t| PREPOSITIONS.contains(&t.text.as_str())) {
            for j in 0..rest.len() {
                if let Some(mut n) = self.p.titles.match_at(self.tokens, a + k + j) {
                    // "and Foreign Minister of Armenia X": the country is the title's.
                    // Not "the chief of Pakistan's ISI": the country's organization follows.
                    if self.word(a + k + j + n) == "of"
                        && self.p.countries.contains(self.word(a + k + j + n + 1))
                        && self.word(a + k + j + n + 2) != "'s"
                    {
                        n += 2;
                    } else if self.word(a + k + j + n) == "of" && conjunction {
                        // "and Deputy Chairman of the Sovereign Council X":
                        // the title's organization.
                        let o = a + k + j + n + 1 + usize::from(self.word(a + k + j + n + 1) == "the");
                        if let Some(u) =
                            self.unit_at(o).filter(|&u| self.units[u].class == Class::Organization && !self.units[u].possessive)
                        {
                            n = self.units[u].end - (a + k + j);
                        }
                    }
                    // "Minister of Trade and Regional Integration": a
                    // portfolio is the title's too.
                    // Not "the leader of Iraq's Fatah Alliance": the
                    // country's organization follows.
                    if let Some(e) =
                        self.p.title_complement_end(self.tokens, self.capitalized, a + k + j + n).filter(|&e| self.word(e) != "'s")
                    {
                        n = n.max(e - (a + k + j));
                    }
                    // "and the president of the Catalan regional government,
                    // B": after a conjunction, the title's "of" phrase runs to
                    // the comma before the name.
                    let last = rest.len() - 1;
                    if conjunction && rest[last].text == "," && self.word(a + k + j + n) == "of" && j + n < last {
                        let plain = (a + k + j + n + 1..a + k + last).all(|i| {
                            self.is_word_at(i)
                                && !self.is_breaker_at(i)
                                && self.trigger_at(i).is_none()
                                && !self.p.relativizers.contains_word(self.word(i))
                                && self.unit_at(i).is_none_or(|u| self.units[u].class == Class::Organization)
                        });
                        if plain && last - (j + n) <= 7 {
                            n = rest.len() - j;
                        }
                    }
                    in_title[j..(j + n).min(rest.len())].iter_mut().for_each(|x| *x = true);
                }
            }
        }
        // "A, backed B": after a bare comma only a title may stand before
        // the next name ("A, Taliban commander B"), not a verb.
        // "A, Minister of Trade, and B": a title in apposition after A, then
        // the conjunction.
        let apposed = rest.len() >= 3
            && rest[rest.len() - 2].text == ","
            && matches!(rest[rest.len() - 1].text.as_str(), "and" | "&")
            && in_title[rest.len() - 3];
        let bare_comma_ok = as_well_as
            || conjunction
            || apposed
            || rest.iter().enumerate().all(|(j, t)| {
                let w = t.text.as_str();
                in_title[j]
                    // "Acting Prime Minister and Minister of Foreign Affairs":
                    // two titles of one person.
                    || (w == "and" && j > 0 && in_title[j - 1] && in_title.get(j + 1) == Some(&true))
                    || !t.is_word()
                    || self.cap(a + k + j)
                    || self.p.title_words.contains(w)
                    || self.p.title_modifiers.contains(w)
                    || matches!(w, "the" | "a" | "an" | "including" | "notably" | "especially" | "namely")
            });
        // A long gap is a title's: "A, Minister of Trade and Regional
        // Integration, and B" has few words outside it.
        let outside = in_title.iter().filter(|&&x| !x).count();
        bare_comma_ok
            && (rest.len() <= 7 || (rest.len() <= 16 && outside <= 4))
            && (rest.len() <= 5 || in_title.iter().any(|&x| x))
            && rest.iter().enumerate().all(|(j, t)| {
                let w = t.text.as_str();
                let i = a + k + j;
                // "and Mr. Karzai"
                if w == "." && j > 0 && rest[j - 1].is_word() && rest[j - 1].text.len() <= 4 {
                    return true;
                }
                if in_title[j] {
                    return true;
                }
                // "A and France's Europe minister, B": the comma of a title
                // in apposition before the name.
                if w == "," && j + 1 == rest.len() && j > 0 && (in_title[j - 1] || self.p.title_words.contains(&rest[j - 1].text)) {
                    return true;
                }
                // "A, Minister of Trade, and B": the comma that closes a
                // title in apposition after A.
                if w == "," && j > 0 && in_title[j - 1] && rest[j + 1..].iter().all(|t| matches!(t.text.as_str(), "and" | "&")) {
                    return true;
                }
                (t.is_word() || matches!(w, "'s" | "\"" | "'" | "-" | "&"))
                    && !PREPOSITIONS.contains(&w)
                    && !self.is_breaker_at(i)
                    && !self.p.relativizers.contains_word(w)
                    && !COPULA.contains(&w)
                    && self.trigger_at(i).is_none()
            })
    }

    /// The coordination that ends with unit `u`, left to right.
    pub(super) fn group_left(&self, u: usize, lo: usize) -> Vec<usize> {
        let mut g = vec![u];
        let mut i = u;
        let mut conjunction = false;
        while i > 0 {
            let prev = &self.units[i - 1];
            if prev.start < lo || prev.possessive || prev.attributive || !self.is_coordination_gap(prev.end, self.units[i].start) {
                break;
            }
            // "During his chairmanship of the NRF, Massoud met ...": a bare
            // comma after a prepositional phrase ends it, unless the list
            // has its conjunction ("met with A, B and C").
            conjunction |= (prev.end..self.units[i].start).any(|k| matches!(self.word(k), "and" | "or" | "&"));
            if !conjunction && self.is_prepositional_object(i - 1) {
                break;
            }
            g.insert(0, i - 1);
            i -= 1;
            // "The Panel, led by X, and the BRN": the head in brackets
            // stands with the organization before it; the list goes on
            // from there.
            if let Some(org) = self.headed_organization(i) {
                if self.units[org].start >= lo {
                    g.insert(0, org);
                    i = org;
                }
            }
        }
        g
    }

    /// The coordination that starts with unit `u`.
    pub(super) fn group_right(&self, u: usize, hi: usize) -> Vec<usize> {
        let mut g = vec![u];
        let mut i = u;
        while i + 1 < self.units.len() {
            let mut next_i = i + 1;
            let mut gap_start = self.units[i].end;
            // "met A, the leader of the NRF, and B": the apposition is
            // about A; the coordination goes on after it.
            if let Some(close) = self.apposition_close(self.units[i].end, hi) {
                if let Some(n) = (next_i..self.units.len()).find(|&n| self.units[n].start > close) {
                    // "met A, head of B, C, leader of D, and E": a list of
                    // titled names goes on after the comma too, while the
                    // next name is followed by more of the list.
                    let listed = self.units[n].start == close + 1
                        && self.units[n].class == Class::Person
                        && self.units[i].class == Class::Person
                        && matches!(self.word(self.units[n].end), "," | "and" | "." | "");
                    if self.word(close + 1) == "and" || listed {
                        next_i = n;
                        gap_start = close;
                    }
                }
                // "met A, the UN envoy for Yemen, in Riyadh": the
                // organization inside the apposition is A's, not a partner.
                if gap_start != close {
                    break;
                }
            }
            // "and Deputy Chairman of the Sovereign Council X": the council is
            // the title's; the name after it is the next member.
            if next_i + 1 < self.units.len() && self.units[next_i].class == Class::Organization {
                let o = &self.units[next_i];
                let of = if self.word(o.start.wrapping_sub(1)) == "the" { o.start.wrapping_sub(2) } else { o.start.wrapping_sub(1) };
                let titled = self.word(of) == "of" && of > 0 && self.p.title_words.contains(self.word(of - 1));
                // "and leader of Sumar, Yolanda Diaz": a comma may stand before the name.
                let named = self.units[next_i + 1].start == o.end || (self.word(o.end) == "," && self.units[next_i + 1].start == o.end + 1);
                if titled && named && self.units[next_i + 1].class == Class::Person {
                    next_i += 1;
                }
            }
            let next = &self.units[next_i];
            if next.end > hi || self.units[i].possessive || next.attributive || !self.is_coordination_gap(gap_start, next.start) {
                break;
            }
            // "after talks with A, B refuted ...": a bare comma links a list
            // only where the list goes on after the next name ("A, B and C"),
            // or ends the clause or a headline's list ("meets A, B in Doha").
            let bare_comma = self.tokens[gap_start..next.start].iter().all(|t| t.text == ",");
            if bare_comma && !matches!(self.word(next.end), "," | "and" | "or" | "&" | "." | "" | "as" | "in" | "at") {
                break;
            }
            g.push(next_i);
            i = next_i;
        }
        g
    }

    /// The closing comma of an apposition that starts at `k`: ", the leader
    /// of the NRF," or ", a Taliban commander,". Only titles, determiners,
    /// prepositions and organizations inside.
    pub(super) fn apposition_close(&self, k: usize, hi: usize) -> Option<usize> {
        if self.word(k) != "," {
            return None;
        }
        let mut j = k + 1;
        while matches!(self.word(j), "the" | "a" | "an") {
            j += 1;
        }
        let mut titled = false;
        while j < hi.min(k + 14) {
            if let Some(o) = self.unit_at(j) {
                if self.units[o].class != Class::Organization {
                    return None;
                }
                // ", the UN envoy for Yemen,": the unit took the title in.
                titled |= self.units[o].proxy;
                j = self.units[o].end;
                continue;
            }
            let w = self.word(j);
            if w == "," {
                return titled.then_some(j);
            }
            let after_preposition = matches!(self.word(j.wrapping_sub(1)), "of" | "in" | "for");
            // ", State of Law leader,": capitalized words before the title
            // are the name of an organization that was not recognized.
            let unknown_org = !titled && self.cap(j);
            if self.p.title_words.contains(w) {
                titled = true;
            } else if !matches!(w, "of" | "the" | "for" | "in" | "'s" | "-" | "(" | ")")
                && !(self.is_word_at(j) && (!self.cap(j) || after_preposition || unknown_org))
            {
                return None;
            }
            if self.is_breaker_at(j) || self.trigger_at(j).is_some() || COPULA.contains(&w) || self.p.relativizers.contains_word(w) {
                return None;
            }
            j += 1;
        }
        None
    }
}
