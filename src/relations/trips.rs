//! Meetings at the end of a trip: "A flew to B's capital for talks with C",
//! "A departed for Pretoria on Wednesday for bilateral talks with C", "A was
//! in Doha for talks with C". A trip in the past tense with a meeting as its
//! purpose reports the meeting; "A will travel to Doha for talks with C" and
//! "A called for talks with C" do not (`trips` in `patterns.toml`).

use super::model::Ctx;

impl Ctx<'_> {
    /// The meeting noun at `t..te` ends a trip: its traveller met those after
    /// "with". Returns whether the trip was found (and its facts emitted).
    pub(super) fn trip_for_talks(&mut self, t: usize, te: usize) -> bool {
        if self.word(te) != "with" {
            return false;
        }
        // "for (two days of / further / bilateral) talks": a few lower-case
        // words between "for" and the noun.
        let Some(f) = (t.saturating_sub(5)..t).rev().take_while(|&k| self.is_word_at(k) && !self.cap(k)).find(|&k| self.word(k) == "for")
        else {
            return false;
        };
        // The trip's verb before "for", with places and dates between: no
        // actor, comma or clause break.
        let cs = self.clause_start(f);
        let mut v = f;
        let verb = loop {
            if v == cs || f - v > 10 {
                return false;
            }
            v -= 1;
            if let Some(n) = self.p.meet_trips.match_at(self.tokens, v).filter(|&n| v + n <= f) {
                break (v, v + n);
            }
            if self.unit_at(v).is_some() || self.is_breaker_at(v) || matches!(self.word(v), "," | ";" | ":") {
                return false;
            }
        };
        let Some(travellers) = self.subject_of(verb.0) else { return false };
        let Some(partners) = self.object_after(te + 1) else { return false };
        let lo = self.units[*travellers.last().unwrap()].end;
        if self.irrealis_before(verb.0, lo)
            || self.irrealis_after(self.units[*partners.last().unwrap()].end)
            || self.modal_in_clause(verb.0)
            || self.denied_before(verb.0)
            || self.conditional_before(verb.0)
        {
            return false;
        }
        let partners: Vec<usize> = partners.into_iter().filter(|&p| !self.units[p].possessive).collect();
        self.meet_each(&travellers, &partners, "meet-trip-for-talks", 0.8);
        true
    }
}
