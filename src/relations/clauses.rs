//! Clauses: where a clause starts, the subject of a verb, the
//! organizations a delegation's head or an envoy stands for, and titles
//! before and after a name. Groups and appositions are `coordination`'s.

use super::model::Ctx;
use super::model::PREPOSITIONS;
use crate::ontology::gazetteer::Class;

/// Words before a noun: after them, "heads" and "leads" are nouns.
const DETERMINERS: &[&str] = &["the", "a", "an", "two", "three", "both", "their", "its", "his", "her", "our", "whose"];

impl Ctx<'_> {
    pub(super) fn is_breaker_at(&self, i: usize) -> bool {
        let t = self.word(i);
        // "the United States": a capitalized word inside a name is no verb.
        let in_name = i > 0 && self.cap(i) && self.cap(i - 1) && self.is_word_at(i - 1);
        matches!(t, ";" | ":" | "!" | "?") || (!in_name && self.p.breakers.match_at(self.tokens, i).is_some())
    }

    /// The first token of the clause that contains token `t`.
    pub(super) fn clause_start(&self, t: usize) -> usize {
        let mut i = t;
        while i > 0 {
            if self.is_breaker_at(i - 1) && !self.inside_unit(i - 1) {
                break;
            }
            i -= 1;
        }
        // "According to X, ...": the attribution is not the clause.
        for k in i.saturating_sub(1)..t {
            if self.p.attribution.match_at(self.tokens, k).is_some() {
                if let Some(c) = (k..t).find(|&c| self.word(c) == ",") {
                    return c + 1;
                }
            }
        }
        i
    }

    /// The length of a photo caption's position marker at `k`: "(L)",
    /// "(R)", "(C)", "(left)", "(2nd R)"; 0 if there is none.
    pub(super) fn position_marker_at(&self, k: usize) -> usize {
        if self.word(k) != "(" {
            return 0;
        }
        let close = (k + 1..(k + 5).min(self.tokens.len())).find(|&j| self.word(j) == ")");
        let Some(c) = close else { return 0 };
        let inside = (k + 1..c).all(|j| {
            matches!(self.word(j), "l" | "r" | "c" | "left" | "right" | "center" | "centre" | "front" | "back" | "top" | "bottom")
                || self.word(j).chars().next().is_some_and(|ch| ch.is_ascii_digit())
        });
        if c > k + 1 && inside {
            c + 1 - k
        } else {
            0
        }
    }

    pub(super) fn trigger_at(&self, i: usize) -> Option<usize> {
        self.p
            .meet_verbs
            .match_at(self.tokens, i)
            .or_else(|| self.p.reject_verbs.match_at(self.tokens, i))
            // "the heads of government", "two heads": a noun after a
            // determiner, not the verb of "A heads B".
            .or_else(|| self.p.lead_verbs.match_at(self.tokens, i).filter(|_| i == 0 || !DETERMINERS.contains(&self.word(i - 1))))
    }

    /// The organization that the person unit `p` heads in a parenthesis
    /// after it: "the Peace Dialogue Panel, led by | X |,", "the NRF
    /// delegation, headed by | X |,".
    pub(super) fn headed_organization(&self, p: usize) -> Option<usize> {
        if self.units[p].class != Class::Person || self.word(self.units[p].end) != "," {
            return None;
        }
        let first = self.skip_titles_back(self.units[p].start);
        let n = self.p.lead_passive.match_before(self.tokens, first)?;
        if first < n + 2 || self.word(first - n - 1) != "," {
            return None;
        }
        let comma = first - n - 1;
        self.team_owner(comma, 0).or_else(|| {
            let org = self.unit_ending_at(comma)?;
            (self.units[org].class == Class::Organization && !self.units[org].possessive).then_some(org)
        })
    }

    /// The organization whose team ends at `comma`: "its negotiation
    /// team", "The Taliban delegation", "A delegation of the NRF".
    fn team_owner(&self, comma: usize, cs: usize) -> Option<usize> {
        (0..self.units.len()).rev().find(|&u| self.units[u].start >= cs && self.units[u].end <= comma).filter(|&u| {
            self.units[u].class == Class::Organization
                && ((self.units[u].end..comma).all(|k| self.is_word_at(k) && !self.cap(k) || self.word(k) == "'s")
                        && (self.units[u].end..comma).any(|k| self.p.proxies.match_at(self.tokens, k).is_some())
                        // "A delegation of the NRF, headed by X,", "the NRF
                        // delegation, led by X,"
                        || (self.units[u].end == comma && (self.is_proxy_object(u) || self.units[u].proxy)))
        })
    }

    /// The subject group of a verb at token `t`.
    pub(super) fn subject_of(&self, t: usize) -> Option<Vec<usize>> {
        let cs = self.clause_start(t);
        let in_clause: Vec<usize> = (0..self.units.len()).filter(|&u| self.units[u].start >= cs && self.units[u].end <= t).collect();
        if in_clause.is_empty() {
            return None;
        }
        // "A, who heads B that ..., rejected" / "A who is the chief of B has
        // rejected": the antecedent of the first relative clause. Not when a
        // comma closes the relative clause and a new subject stands right
        // before the verb after a fronted phrase: "Accompanied by A, who ...,
        // X met Y", "After talks with A, who ..., X met Y".
        let opening = self.word(cs);
        let fronted = self.unit_at(cs).is_none()
            && (opening.ends_with("ed")
                || opening.ends_with("ing")
                || PREPOSITIONS.contains(&opening)
                || matches!(opening, "after" | "before" | "following" | "despite" | "while"));
        let fresh = in_clause.last().copied().filter(|_| fronted).filter(|&u| {
            let unit = &self.units[u];
            unit.start > 0 && self.word(unit.start - 1) == "," && unit.end == t && !unit.possessive
        });
        for r in cs..t {
            if fresh.is_some_and(|f| self.units[f].start > r) {
                break;
            }
            if self.p.relativizers.contains_word(self.word(r)) {
                let before = if r > 0 && self.word(r - 1) == "," { r - 1 } else { r };
                if let Some(u) = self.unit_ending_at(before) {
                    // "told Ismail Khan that he ...": a complement, not a relative clause.
                    let us = self.units[u].start;
                    if self.word(r) == "that" && us > 0 && self.is_breaker_at(us - 1) {
                        continue;
                    }
                    // "an officer of the IRGC who ...": the relative clause
                    // is about the officer, not about the IRGC.
                    // "from Zalmay Khalilzad, who negotiated ...": a person after
                    // another preposition may be the antecedent.
                    let of_phrase = self.is_prepositional_object(u)
                        && (self.units[u].class != Class::Person || self.preposition_before(u) == Some("of"));
                    if !self.units[u].possessive && !of_phrase {
                        let mut group = self.with_delegation_leader(self.group_left(u, cs), t);
                        // "Muttaqi, who is leading a delegation of the Islamic Emirate, ..."
                        if let Some(org) = (r..t).find_map(|k| self.unit_at(k)).filter(|&o| {
                            self.units[o].class == Class::Organization
                                && self.is_proxy_object(o)
                                && (r..self.units[o].start).any(|k| self.p.lead_verbs.match_at(self.tokens, k).is_some())
                        }) {
                            group.push(org);
                        }
                        return Some(group);
                    }
                }
            }
        }
        if let Some(group) = self.team_led_by(t, cs) {
            return Some(group);
        }
        let last_comma = (cs..t).rev().find(|&k| self.word(k) == "," && !self.inside_unit(k));
        let chunk_start = last_comma.map_or(cs, |c| c + 1);
        let nearest = in_clause.iter().copied().rev().find(|&u| self.units[u].start >= chunk_start && !self.units[u].attributive);
        let head = match nearest {
            // "The leader of the NRF met X", "the number three of the PSOE
            // meets X": an unnamed person of the organization, not the
            // organization (unlike "a delegation of the NRF").
            Some(u) if self.unnamed_holder_of(u) => return None,
            Some(u) => {
                // "Ghani flew to Mazar-i-Sharif on Wednesday and met ...":
                // a second verb phrase shares the subject.
                let coordinated_vp = t >= 1 && self.word(t - 1) == "and" && t - self.units[u].end <= 20;
                if t - self.units[u].end > 6 && !coordinated_vp {
                    return None;
                }
                // "told Ismail Khan that he had rejected": an unresolved
                // pronoun is the subject, not the actor before it.
                if (self.units[u].end..t).any(|k| matches!(self.word(k), "he" | "she" | "they" | "we" | "it")) {
                    return None;
                }
                // "Hadi received the envoy X and refused ...": X is the first
                // verb's object; the second verb shares the clause's subject.
                let object_of_first_verb = |f: usize| {
                    (self.units[f].end..self.units[u].start)
                        .any(|k| self.is_word_at(k) && !self.cap(k) && !matches!(self.word(k), "and" | "or"))
                };
                // "Congo accuses Rwanda of backing M23 and has repeatedly
                // rejected ...": auxiliaries and adverbs may come between.
                let e = self.units[u].end;
                let and_then_verb = self.word(e) == "and"
                    && (e + 1..t).all(|k| {
                        let w = self.word(k);
                        matches!(w, "has" | "have" | "had" | "was" | "were" | "is" | "also" | "then" | "later" | "again" | "still")
                            || (w.ends_with("ly") && !self.cap(k))
                    });
                let coordinated_vp = coordinated_vp || (and_then_verb && t - e <= 4);
                if coordinated_vp && and_then_verb {
                    let subject = in_clause
                        .iter()
                        .copied()
                        .find(|&f| f != u && !self.units[f].possessive && !self.units[f].attributive && !self.is_prepositional_object(f));
                    // "Pakistan accuses A of backing B and has rejected": A is
                    // an object too when a verb stands before it.
                    let opens_clause = |f: usize| {
                        (cs..self.units[f].start).all(|k| {
                            !self.is_word_at(k)
                                || self.cap(k)
                                || matches!(self.word(k), "the" | "a" | "an")
                                || self.p.title_words.contains(self.word(k))
                        })
                    };
                    if let Some(f) = subject.filter(|&f| object_of_first_verb(f) && opens_clause(f)) {
                        return Some(self.group_left(f, cs)).filter(|g| !g.is_empty());
                    }
                    // The subject is no actor, and the actors before are objects.
                    if and_then_verb && subject.is_none_or(|f| !opens_clause(f)) && !opens_clause(u) {
                        return None;
                    }
                }
                u
            }
            // "A, leader of B in C, has rejected": the head of the apposition,
            // which is not the object of a preposition ("the chief of B, A,"),
            // unless it stands for a delegation ("a delegation of B, headed
            // by A, held talks").
            None => {
                let first = in_clause
                    .iter()
                    .copied()
                    .find(|&u| (!self.is_prepositional_object(u) || self.is_proxy_object(u)) && !self.units[u].attributive)?;
                // "After meeting A, the delegation held talks with B": A is
                // the object of a verb before it, not the subject.
                if (cs..self.units[first].start).any(|k| self.trigger_at(k).is_some()) {
                    return None;
                }
                // "Sarraj's deputy, Fathi al-Majbari, met": the person the
                // possessive title names.
                let first = self.named_by_possessive_title(first).unwrap_or(first);
                // "A and B, the leaders of C, met": the whole coordination.
                let group = self.group_right(first, t);
                if self.word(self.units[*group.last().unwrap()].end) != "," {
                    return None;
                }
                if group.iter().any(|&u| self.units[u].possessive) {
                    return None;
                }
                // "Members of the B delegation, A and C, met": the members
                // named in apposition take part with their organization.
                let mut group = group;
                let end = self.units[*group.last().unwrap()].end;
                if group.len() == 1 && (self.units[first].proxy || self.is_proxy_object(first)) {
                    if let Some(p) = self.unit_at(end + 1).filter(|&p| self.units[p].class == Class::Person) {
                        let named = self.group_right(p, t);
                        let last = self.units[*named.last().unwrap()].end;
                        if last + 1 == t && self.word(last) == "," && named.iter().all(|&u| !self.units[u].possessive) {
                            group.extend(named);
                        }
                    }
                }
                return Some(self.with_delegation_leader(group, t));
            }
        };
        if self.units[head].possessive || self.units[head].attributive {
            return None;
        }
        let mut group = self.group_left(head, cs);
        // "a Taliban delegation led by Muttaqi met ...", "a delegation from
        // the Taliban headed by Foreign Minister Muttaqi met ...": the
        // organization takes part too.
        let first = self.skip_titles_back(self.units[group[0]].start);
        if let Some(n) = self.p.lead_passive.match_before(self.tokens, first) {
            let k = first - n;
            let k = if k > 0 && self.word(k - 1) == "," { k - 1 } else { k };
            if let Some(org) = self.unit_ending_at(k).filter(|&o| self.units[o].class == Class::Organization) {
                if self.units[org].proxy || self.is_proxy_object(org) {
                    group.insert(0, org);
                }
            }
        }
        Some(group)
    }

    /// "Its negotiation team, led by X, met ...", "The delegation, headed
    /// by X, met": the leader between commas right before the verb at `t`,
    /// with the organization whose team it is, when one is named.
    fn team_led_by(&self, t: usize, cs: usize) -> Option<Vec<usize>> {
        // "..., led by X, have met": an auxiliary may come first.
        let mut t = t;
        while t > 0 && matches!(self.word(t - 1), "have" | "has" | "had" | "also" | "then" | "finally") {
            t -= 1;
        }
        if t < 2 || self.word(t - 1) != "," {
            return None;
        }
        let p = self.unit_ending_at(t - 1).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive)?;
        let first = self.skip_titles_back(self.units[p].start);
        let n = self.p.lead_passive.match_before(self.tokens, first)?;
        let comma = first - n - 1;
        if first < n + 1 || self.word(comma) != "," || comma <= cs {
            return None;
        }
        let mut group = vec![p];
        if let Some(o) = self.team_owner(comma, cs) {
            // "A and the NRF delegation, led by X, have met": the members
            // coordinated before the team are subjects too.
            group = self.group_left(o, cs);
            group.push(p);
        }
        Some(group)
    }

    /// "A's deputy, B," / "the NRF's spokesman, B,": the person named
    /// after a possessive unit, its title and a comma.
    fn named_by_possessive_title(&self, u: usize) -> Option<usize> {
        if !self.units[u].possessive {
            return None;
        }
        let mut k = self.units[u].end;
        if self.word(k) == "'s" {
            k += 1;
        }
        let titles = k;
        while k < titles + 4 && self.p.title_words.contains(self.word(k)) {
            k += 1;
        }
        if k == titles || self.word(k) != "," {
            return None;
        }
        self.unit_at(k + 1).filter(|&p| self.units[p].class == Class::Person && !self.units[p].possessive)
    }

    /// Walks left over titles, forms of address and capitalised words:
    /// "headed by Foreign Minister | Amir Khan Muttaqi".
    pub(super) fn skip_titles_back(&self, mut k: usize) -> usize {
        while k > 0 {
            let w = self.word(k - 1);
            let titleish = self.p.title_words.contains(w)
                || self.p.honorifics.contains_word(w)
                || (self.cap(k - 1) && self.is_word_at(k - 1) && self.unit_ending_at(k).is_none() && !self.inside_unit(k - 1))
                || (w == "." && k >= 2 && self.tokens[k - 2].text.len() <= 3)
                // "President of Kazakhstan | X": a title of a country.
                || (w == "of" && k >= 2 && self.p.title_words.contains(self.word(k - 2)) && self.p.countries.contains(self.word(k)));
            if !titleish || self.inside_unit(k - 1) {
                break;
            }
            k -= 1;
        }
        k
    }

    /// Past a country's possessive at `j` ("Yemen's" foreign minister X),
    /// or `j` when there is none.
    pub(super) fn skip_country_possessive(&self, j: usize) -> usize {
        if self.p.countries.contains(self.word(j)) && self.word(j + 1) == "'s" {
            j + 2
        } else {
            j
        }
    }

    /// Skips a place after an organization's name: "the Presidential
    /// Leadership Council | in Yemen | Rashad al-Alimi".
    pub(super) fn skip_place_after(&self, k: usize) -> usize {
        if self.word(k) != "in" {
            return k;
        }
        let mut j = k + 1;
        while j < k + 4 && self.cap(j) && self.p.countries.contains(self.word(j)) && self.unit_at(j).is_none() {
            j += 1;
        }
        if j > k + 1 {
            j
        } else {
            k
        }
    }

    /// Walks right over titles, forms of address and capitalised words.
    pub(super) fn skip_titles_forward(&self, mut k: usize, max: usize) -> usize {
        let stop = (k + max).min(self.tokens.len());
        while k < stop && self.unit_at(k).is_none() {
            if let Some(n) = self.p.honorifics.match_at(self.tokens, k) {
                k += n;
                continue;
            }
            if let Some(e) = self.title_complement_at(k) {
                k = e;
                continue;
            }
            let w = self.word(k);
            let titleish = self.p.title_words.contains(w)
                || matches!(w, "the" | "-" | "." | "his" | "her")
                || (self.cap(k) && self.is_word_at(k))
                || (w == "of" && self.p.countries.contains(self.word(k + 1)));
            if !titleish {
                break;
            }
            k += 1;
        }
        k
    }

    /// The end of a title's complement at `k`, right after a title word:
    /// "envoy | for Afghanistan", "High Representative | for Foreign Affairs".
    pub(super) fn title_complement_at(&self, k: usize) -> Option<usize> {
        if k == 0 || !self.p.title_words.contains(self.word(k - 1)) {
            return None;
        }
        self.p.title_complement_end(self.tokens, self.capitalized, k)
    }

    /// "a delegation of the NRF, headed by Ahmad Massoud, held talks": the
    /// person heading the delegation takes part too.
    pub(super) fn with_delegation_leader(&self, mut group: Vec<usize>, t: usize) -> Vec<usize> {
        let Some(&last) = group.last() else { return group };
        let org = &self.units[group[0]];
        if org.class != Class::Organization || !(org.proxy || self.is_proxy_object(group[0])) {
            return group;
        }
        let mut k = self.units[last].end;
        if self.word(k) == "," {
            k += 1;
        }
        if let Some(n) = self.p.lead_passive.match_at(self.tokens, k) {
            if let Some(p) = self.name_after_long_title(k + n).filter(|&p| self.units[p].end <= t) {
                if !group.contains(&p) {
                    group.push(p);
                }
                return group;
            }
            let j = self.skip_titles_forward(k + n, 8);
            if let Some(p) = self.unit_at(j).filter(|&p| self.units[p].class == Class::Person && self.units[p].end <= t) {
                if !group.contains(&p) {
                    group.push(p);
                }
            }
        }
        group
    }

    /// "a delegation of the NRF", "representatives from the Taliban".
    pub(super) fn is_proxy_object(&self, u: usize) -> bool {
        // "emissaries of Haftar": a person's envoys are not the person; an
        // organization's delegation is the organization.
        if self.units[u].class != Class::Organization {
            return false;
        }
        let mut k = self.units[u].start;
        loop {
            if k > 0 && matches!(self.word(k - 1), "the" | "a" | "an") {
                k -= 1;
            } else if k > 1 && self.word(k - 1) == "'s" && self.cap(k - 2) && self.unit_ending_at(k - 1).is_none() {
                // "a delegation from Libya's Government of National Accord"
                k -= 2;
            } else {
                break;
            }
        }
        k > 0 && matches!(self.word(k - 1), "of" | "from") && self.p.proxies.match_before(self.tokens, k - 1).is_some()
    }

    /// Whether person unit `u` is named only as whom envoys or a delegation
    /// represent: "emissaries of Haftar", "an envoy from Massoud" (and the
    /// people coordinated with it: "emissaries of A and B").
    pub(super) fn envoy_of(&self, u: usize) -> bool {
        if self.units[u].class != Class::Person {
            return false;
        }
        let mut k = self.units[u].start;
        // Walk left over a coordination: "of A and B".
        for _ in 0..4 {
            // "emissaries of Marshal Khalifa Haftar and Prime Minister X"
            while k > 0
                && (matches!(self.word(k - 1), "the" | "a" | "an" | ".")
                    || self.p.title_words.contains(self.word(k - 1))
                    || self.p.honorifics.contains_word(self.word(k - 1)))
            {
                k -= 1;
            }
            if k > 0 && matches!(self.word(k - 1), "of" | "from") {
                return self.p.proxies.match_before(self.tokens, k - 1).is_some();
            }
            if k > 0 && matches!(self.word(k - 1), "and" | ",") {
                match self.unit_ending_at(k - 1) {
                    // "Members of the B delegation, A and C,": people in
                    // apposition to an organization, not a coordination.
                    Some(prev) if self.word(k - 1) == "," && self.units[prev].class == Class::Organization => return false,
                    Some(prev) => k = self.units[prev].start,
                    None => return false,
                }
            } else {
                return false;
            }
        }
        false
    }

    /// The preposition that governs unit `u`, if any.
    pub(super) fn preposition_before(&self, u: usize) -> Option<&str> {
        let k = self.start_with_article(u);
        (k > 0 && PREPOSITIONS.contains(&self.word(k - 1))).then(|| self.word(k - 1))
    }

    /// Where unit `u` starts with its articles: "the" of "the NRF".
    fn start_with_article(&self, u: usize) -> usize {
        self.articles_before(self.units[u].start)
    }

    /// Whether organization `u` follows "of" after a person's title: "the
    /// leader of the NRF", "the number three of the PSOE".
    fn unnamed_holder_of(&self, u: usize) -> bool {
        let k = self.start_with_article(u);
        self.units[u].class == Class::Organization
            && k >= 2
            && self.word(k - 1) == "of"
            && self.unit_ending_at(k - 1).is_none()
            && (self.p.title_words.contains(self.word(k - 2)) || (k >= 3 && self.word(k - 3) == "number"))
    }

    /// "of the Taliban", "from the NRF": a unit inside a prepositional phrase.
    pub(super) fn is_prepositional_object(&self, u: usize) -> bool {
        self.preposition_before(u).is_some()
    }
}
