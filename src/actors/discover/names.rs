//! Reading names token by token: which words can be part of a person's
//! name, where a name ends (initials, hyphens, particles, "O'Neill"),
//! whether a run of capitals is a person, a nationality or an acronym. A
//! part of [`super::discover`], used by its rules and by [`super::org_names`].

use super::Scan;

impl Scan<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text.as_str())
    }

    /// Whether token `i` can be part of a person's name.
    pub(super) fn name_word(&self, i: usize) -> bool {
        i < self.tokens.len()
            && self.capitalized[i]
            && !self.covered[i]
            && self.tokens[i].is_word()
            && self.tokens[i].text.chars().count() >= 2
            && !self.p.not_names.contains_word(self.word(i))
            && !self.p.is_title_or_plural(self.word(i))
            && !self.p.honorifics.contains_word(self.word(i))
    }

    /// Whether token `i` is an initial inside a name, the first name of "S.
    /// Jaishankar" or "S Jaishankar": one capital letter (with its period, if
    /// any) right before a name word or another initial. "A" and "I" are
    /// words unless a period follows them. Gives where the initial ends.
    pub(super) fn initial(&self, i: usize) -> Option<usize> {
        if i >= self.tokens.len() || self.covered[i] || !self.tokens[i].is_word() || self.p.honorifics.contains_word(self.word(i)) {
            return None;
        }
        let w = self.original(i);
        if w.len() != 1 || !w.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        let dot = self.word(i + 1) == "." && self.touching(i + 1);
        if !dot && matches!(w, "A" | "I") {
            return None;
        }
        let end = if dot { i + 2 } else { i + 1 };
        (self.name_word(end) || self.initial(end).is_some()).then_some(end)
    }

    /// Whether tokens `b..e` are a nationality with a point of the compass
    /// or a rank before it: "North Korean" (leader X), "Top South Sudanese"
    /// (official). Neither a person nor an organization.
    pub(super) fn nationality(&self, b: usize, e: usize) -> bool {
        // "Turkish Cypriot", "Kosovo Serb": a people of the listed demonyms
        // named after a nationality or a country ("Hassan Kazemi Qomi" ends
        // like nationalities but is a name).
        let people = self.p.demonyms.contains(self.word(e - 1));
        let before = |w: &str| {
            matches!(w, "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western")
                // "New Malaysian (facilitator)": an adjective, then the nationality.
                || matches!(w, "new" | "former" | "senior" | "top" | "veteran" | "young")
                || self.p.title_words.contains(w)
                || (people && (self.p.is_demonym(w) || self.p.countries.contains(w)))
        };
        e > b + 1
            && self.p.is_demonym(self.word(e - 1))
            && (b..e - 1).all(|k| before(self.word(k)))
            && (b..e - 1).any(|k| !self.p.title_words.contains(self.word(k)))
    }

    /// Whether token `i` is the lower-case second syllable of a hyphenated
    /// given name ("in" of "Jae-in", "yong" of "Eui-yong"): a short word,
    /// not one of the words that make a compound adjective of a name.
    pub(super) fn syllable(&self, i: usize) -> bool {
        let w = self.word(i);
        i < self.tokens.len()
            && self.tokens[i].is_word()
            && !self.capitalized[i]
            && (2..=4).contains(&w.chars().count())
            && w.chars().all(|c| c.is_ascii_lowercase())
            && !self.p.name_suffix_words.contains_word(w)
    }

    /// Whether tokens `i - 1` and `i` touch (no space between): "Al-Thani".
    pub(super) fn touching(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.tokens[i - 1].end == self.tokens[i].start
    }

    /// Where a name word written with an elided particle ends: "O'Neill",
    /// "N'Guessan", "D'Alema" are one capital letter, an apostrophe and a
    /// name word, all touching.
    pub(super) fn elided(&self, i: usize) -> Option<usize> {
        let letter = i < self.tokens.len() && !self.covered[i] && self.original(i).chars().count() == 1 && self.capitalized[i];
        (letter && self.word(i + 1) == "'" && self.touching(i + 1) && self.touching(i + 2) && self.name_word(i + 2)).then_some(i + 3)
    }

    /// Whether token `i` is a particle of a name ("al", "bin", "ould").
    pub(super) fn particle(&self, i: usize) -> bool {
        i < self.tokens.len() && !self.covered[i] && self.p.name_particles.contains(self.word(i))
    }

    /// The capitalized name starting at `i`, 2 to 4 name words: its end.
    /// Particles and hyphens inside it are part of it, so a name is never
    /// cut at one: "Ziyad al-Nakhalah", "Tamim bin Hamad Al Thani",
    /// "Mlambo-Ngcuka".
    pub(super) fn name_at(&self, i: usize) -> Option<usize> {
        let mut j = if self.name_word(i) {
            i + 1
        } else if let Some(k) = self.elided(i) {
            k
        } else {
            self.initial(i)?
        };
        let mut words = 1;
        loop {
            // "Pascal Affi N'Guessan", "Michelle O'Neill".
            if let Some(k) = self.elided(j) {
                j = k;
                words += 1;
                continue;
            }
            // "S. Jaishankar", "John F. Kennedy": an initial before a name word.
            if let Some(k) = self.initial(j) {
                j = k;
                words += 1;
                continue;
            }
            // "Al-Thani": a hyphen between two name words joins them.
            if self.word(j) == "-" && self.touching(j) && self.touching(j + 1) && self.name_word(j + 1) {
                j += 2;
                continue;
            }
            // "Moon Jae-in", "Chung Eui-yong": a given name of two syllables
            // joined by a hyphen, the second in lower case. Not "X-led",
            // "X-backed".
            if self.word(j) == "-" && self.touching(j) && self.touching(j + 1) && self.syllable(j + 1) {
                j += 2;
                continue;
            }
            // "al-Nakhalah", "bin Hamad": a particle, then a name word;
            // "von der Leyen", "de la Cruz": two particles.
            if self.particle(j) {
                let last = if self.particle(j + 1) { j + 1 } else { j };
                let k = if self.word(last + 1) == "-" && self.touching(last + 1) && self.touching(last + 2) { last + 2 } else { last + 1 };
                if self.name_word(k) {
                    j = k + 1;
                    words += 1;
                    continue;
                }
                break;
            }
            if self.name_word(j) {
                j += 1;
                words += 1;
                continue;
            }
            break;
        }
        // A name ends where the capitals end ("Zabiullah Mujahid said"); a
        // longer run of capitals is a headline or an organization, and so is
        // one that ends with an organization's head noun ("True News
        // Information Team") or names a country.
        let organization = self.p.org_heads.contains_word(self.word(j - 1)) || (i..j).any(|k| self.p.countries.contains(self.word(k)));
        ((2..=4).contains(&words) && !organization).then_some(j)
    }

    /// Whether the name at `i..end` is a person's even without a title: not
    /// a place ("in Abu Dhabi"), not a thing news names with capitals ("the
    /// Berlin Conference", "Al Salam Palace"), not after a particle or a
    /// hyphen (then it is the tail of another name).
    pub(super) fn plain_person(&self, i: usize, end: usize) -> bool {
        let before = if i > 0 { self.word(i - 1) } else { "" };
        let last = self.word(end - 1);
        let place_before =
            matches!(before, "in" | "at" | "near" | "across" | "into" | "to" | "toward" | "towards" | "outside" | "inside" | "the" | "-");
        let tail_of_name = i > 0 && self.p.name_particles.contains(before);
        // "President of Republika Srpska", "leader of Sumar": what a leader
        // is "of" is an organization or a place.
        let led = before == "of" && self.p.leader_nouns.match_before(self.tokens, i - 1).is_some();
        let thing = self.nationality(i, end)
            || self.p.not_person_endings.contains_word(last)
            || (i..end).any(|k| self.words.places.contains(self.word(k)) || self.p.not_person_words.contains_word(self.word(k)));
        // "Islamic Jihad leader X": the run names whoever the title's
        // holder belongs to, not a person.
        let before_title_or_hyphen = self.word(end) == "-" || self.p.title_words.contains(self.word(end));
        !(place_before || tail_of_name || led || thing || before_title_or_hyphen)
    }

    /// Whether token `i` is an acronym standing alone: 2 to 6 capital
    /// letters, not next to other capitalized words (then it is part of a
    /// longer name), not a country, title or form of address.
    pub(super) fn acronym_at(&self, i: usize) -> bool {
        if !self.name_word(i) || self.name_word(i + 1) || (i > 0 && self.name_word(i - 1)) {
            return false;
        }
        // "TUNIS - The two ...", "KABUL, Jan 10": a dateline, not a name.
        if i == 0 && matches!(self.word(1), "-" | "," | "(" | ":") {
            return false;
        }
        let w = self.original(i);
        let n = w.chars().count();
        (2..=6).contains(&n)
            && w.chars().all(|c| c.is_ascii_uppercase())
            && !self.p.countries.contains(self.word(i))
            && !self.p.not_organizations.contains(self.word(i))
            // "the NI Secretary of State" after "in Northern Ireland".
            && !self.words.place_initials.contains(self.word(i))
    }

    /// The original spelling of token `i` (the tokens are folded).
    pub(super) fn original(&self, i: usize) -> &str {
        let (a, b) = self.sentence.folded.original_range(self.tokens[i].start, self.tokens[i].end);
        &self.text[a..b]
    }

    /// Skips forms of address: "Mawlawi", "Mr.".
    pub(super) fn skip_honorifics(&self, mut i: usize) -> usize {
        while let Some(n) = self.p.honorifics.match_at(self.tokens, i) {
            i += n;
            if self.word(i) == "." {
                i += 1;
            }
        }
        i
    }
}
