//! Modality: whether a sentence reports a relation as having happened.
//! "will meet", "hopes to negotiate", "denied reports that ... met" block a
//! meeting; a realis marker ("on Tuesday") lets a later one through. The
//! words are `irrealis_before`, `irrealis_after`, `realis` and `denial` in
//! `patterns.toml`.

use super::model::Ctx;

impl Ctx<'_> {
    /// Whether a meeting trigger at `t` is reported as not having happened.
    pub(super) fn irrealis_before(&self, t: usize, lo: usize) -> bool {
        // Five words back; "high-level" is one word.
        let mut from = t;
        let mut words = 0;
        while from > lo && words < 5 {
            from -= 1;
            let joined = self.word(from) == "-" || (from > 0 && self.word(from - 1) == "-");
            words += usize::from(!joined);
        }
        for i in from..t {
            if self.inside_unit(i) {
                continue;
            }
            if self.is_month_may(i) {
                continue;
            }
            if self.p.irrealis_before.match_at(self.tokens, i).is_some_and(|n| i + n <= t) {
                // "to" and "for" block only right before the verb: "travelled
                // to Doha and met", "conditions for meeting Haftar".
                if matches!(self.word(i), "to" | "for") && i + 1 != t {
                    continue;
                }
                // "Haqqani, who is wanted in five countries, met ...": the cue
                // belongs to a relative clause closed before the verb.
                if self.inside_closed_relative(i, t) {
                    continue;
                }
                return true;
            }
        }
        false
    }

    /// Whether token `i` sits in a relative clause (", who ...", ", which
    /// ...") that a comma closes before `t`.
    fn inside_closed_relative(&self, i: usize, t: usize) -> bool {
        let closed = (i + 1..t).any(|k| self.word(k) == ",");
        let opened = (i.saturating_sub(12)..i)
            .rev()
            .take_while(|&k| self.word(k) != ",")
            .any(|k| k > 0 && self.word(k - 1) == "," && self.p.relativizers.contains_word(self.word(k)))
            || (i > 0 && self.word(i - 1) == "," && self.p.relativizers.contains_word(self.word(i)));
        closed && opened
    }

    /// "If A meets B", "whether a meeting among A and B will take place": a
    /// clause opened by a conditional word, or one right before an
    /// indefinite meeting noun, is a condition, not a report. "Whether the
    /// talks between A and B produced a deal" presupposes the talks.
    pub(super) fn conditional_before(&self, t: usize) -> bool {
        let cs = self.clause_start(t);
        (cs > 0 && self.p.conditional.contains_word(self.word(cs - 1)))
            || (t.saturating_sub(4).max(cs)..t)
                .any(|k| self.p.conditional.contains_word(self.word(k)) && matches!(self.word(k + 1), "a" | "an" | "any" | "another"))
    }

    /// Where the sentence says a meeting took place: (start, end, whether
    /// a meeting verb is inside). "took place" and "was held" lift every
    /// trigger of the sentence; "had met" only its own verb, since another
    /// verb's "had met" reports that other meeting ("could not meet B
    /// before he had met C").
    pub(super) fn realis_spans(&self) -> Vec<(usize, usize, bool)> {
        (0..self.tokens.len())
            .filter_map(|k| {
                let n = self.p.realis.match_at(self.tokens, k)?;
                let verb = (k..k + n).any(|j| self.p.meet_verbs.match_at(self.tokens, j).is_some());
                Some((k, k + n, verb))
            })
            .collect()
    }

    /// "the NRF denied reports that Massoud had met ...".
    pub(super) fn denied_before(&self, t: usize) -> bool {
        (0..t).any(|k| self.p.denial.match_at(self.tokens, k).is_some_and(|n| k + n <= t))
    }

    pub(super) fn irrealis_after(&self, end: usize) -> bool {
        (end..(end + 6).min(self.tokens.len())).any(|i| self.p.irrealis_after.match_at(self.tokens, i).is_some())
    }

    /// "the meeting could also be the first of regular meetings between A
    /// and B": a modal verb anywhere earlier in the clause of a meeting noun.
    pub(super) fn modal_in_clause(&self, t: usize) -> bool {
        (self.clause_start(t)..t)
            .any(|k| matches!(self.word(k), "could" | "would" | "may" | "might" | "will" | "should" | "shall") && !self.is_month_may(k))
    }

    /// "The May 12 meeting", "on 12 May": the month, not the modal.
    fn is_month_may(&self, k: usize) -> bool {
        self.word(k) == "may" && self.cap(k) && (self.is_number_at(k + 1) || (k > 0 && self.is_number_at(k - 1)))
    }
}
