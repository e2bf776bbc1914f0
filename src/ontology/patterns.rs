//! The word lists of `ontology/patterns.toml`, compiled once.

use crate::text::tokens::{Phrase, PhraseSet};
use anyhow::{Context, Result};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Deserialize)]
struct Raw {
    sentences: RawSentences,
    boilerplate: RawBoilerplate,
    clauses: RawClauses,
    actors: RawActors,
    meet: RawMeet,
    reject: RawReject,
    leads: RawLeads,
    #[serde(default)]
    roles: RawRoles,
    #[serde(default)]
    family: RawFamily,
}

#[derive(Deserialize, Default)]
struct RawRoles {
    modifiers: Vec<String>,
    past: Vec<String>,
}

#[derive(Deserialize, Default)]
struct RawFamily {
    child: Vec<String>,
    parent: Vec<String>,
}

#[derive(Deserialize)]
struct RawSentences {
    abbreviations: Vec<String>,
}

#[derive(Deserialize)]
struct RawBoilerplate {
    lines: Vec<String>,
}

#[derive(Deserialize)]
struct RawClauses {
    breakers: Vec<String>,
    relativizers: Vec<String>,
    attribution: Vec<String>,
    say_verbs: Vec<String>,
    #[serde(default)]
    anonymous_sources: Vec<String>,
}

#[derive(Deserialize)]
struct RawActors {
    titles: Vec<String>,
    #[serde(default)]
    title_modifiers: Vec<String>,
    #[serde(default)]
    title_complements: Vec<String>,
    proxies: Vec<String>,
    honorifics: Vec<String>,
    adjectival_prefixes: Vec<String>,
    #[serde(default)]
    adjectival_suffixes: Vec<String>,
    #[serde(default)]
    known_as: Vec<String>,
    #[serde(default)]
    org_heads: Vec<String>,
    #[serde(default)]
    org_heads_in_place: Vec<String>,
    #[serde(default)]
    state_heads: Vec<String>,
    #[serde(default)]
    nested_heads: Vec<String>,
    #[serde(default)]
    lowercase_org_heads: Vec<String>,
    #[serde(default)]
    name_particles: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    nationality_endings: Vec<String>,
    #[serde(default)]
    name_possessives: Vec<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    not_person_endings: Vec<String>,
    #[serde(default)]
    not_person_words: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    name_suffix_words: Vec<String>,
    #[serde(default)]
    collective_nouns: Vec<String>,
    #[serde(default)]
    not_organizations: Vec<String>,
    #[serde(default)]
    generic_organizations: Vec<String>,
    #[serde(default)]
    person_groups: Vec<String>,
}

#[derive(Deserialize)]
struct RawMeet {
    verbs: Vec<String>,
    light_verbs: Vec<String>,
    transitive: Vec<String>,
    denial: Vec<String>,
    with: Vec<String>,
    nouns: Vec<String>,
    their: Vec<String>,
    #[serde(default)]
    participants: Vec<String>,
    #[serde(default)]
    attendance: Vec<String>,
    #[serde(default)]
    multilateral: Vec<String>,
    #[serde(default)]
    noun_adjectives: Vec<String>,
    #[serde(default)]
    hosting: Vec<String>,
    #[serde(default)]
    company: Vec<String>,
    #[serde(default)]
    presence: Vec<String>,
    #[serde(default)]
    durations: Vec<String>,
    #[serde(default)]
    attending: Vec<String>,
    #[serde(default)]
    discussed: Vec<String>,
    #[serde(default)]
    handing: Vec<String>,
    #[serde(default)]
    handed_items: Vec<String>,
    #[serde(default)]
    remote: Vec<String>,
    #[serde(default)]
    separate: Vec<String>,
    #[serde(default)]
    trips: Vec<String>,
    irrealis_before: Vec<String>,
    irrealis_after: Vec<String>,
    realis: Vec<String>,
    conditional: Vec<String>,
}

#[derive(Deserialize)]
struct RawReject {
    #[serde(default)]
    making: Vec<String>,
    #[serde(default)]
    made_nouns: Vec<(String, String)>,
    verbs: Vec<String>,
    nouns: Vec<String>,
    proposals: Vec<String>,
    from: Vec<String>,
    anaphoric: Vec<String>,
    blockers: Vec<String>,
    object_stop: Vec<String>,
    #[serde(default)]
    unacceptable: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    spokes_titles: Vec<String>,
    #[serde(default)]
    meeting_offers: Vec<String>,
    #[serde(default)]
    meeting_prospects: Vec<String>,
}

#[derive(Deserialize)]
struct RawLeads {
    nouns: Vec<String>,
    titles: Vec<String>,
    #[serde(default)]
    state_titles: Vec<String>,
    #[serde(default)]
    armed_titles: Vec<String>,
    #[serde(default)]
    armed_heads: Vec<String>,
    #[serde(default)]
    government_titles: Vec<String>,
    #[serde(default)]
    government_heads: Vec<String>,
    #[serde(default)]
    appointment: Vec<String>,
    #[serde(default)]
    fighters: Vec<String>,
    #[serde(default)]
    one_word_leaders: Vec<String>,
    verbs: Vec<String>,
    passive: Vec<String>,
    blockers: Vec<String>,
    subunits: Vec<String>,
}

/// Compiled word lists. Field names follow the sections of `patterns.toml`.
#[derive(Debug, Clone)]
pub struct Patterns {
    pub abbreviations: Vec<String>,
    pub boilerplate: Vec<Regex>,
    pub breakers: PhraseSet,
    pub relativizers: PhraseSet,
    pub attribution: PhraseSet,
    pub say_verbs: PhraseSet,
    pub anonymous_sources: PhraseSet,
    pub titles: PhraseSet,
    /// Every word of `titles`, for walking over "acting foreign minister".
    pub title_words: HashSet<String>,
    /// Words inside a title before its head word: "foreign policy" in "EU
    /// foreign policy chief X".
    pub title_modifiers: HashSet<String>,
    /// Nouns that end a title's complement: "envoy for the peace process".
    pub title_complements: PhraseSet,
    pub proxies: PhraseSet,
    pub honorifics: PhraseSet,
    pub adjectival_prefixes: PhraseSet,
    /// "Taliban-controlled", "Iran-backed": the actor describes what follows.
    pub adjectival_suffixes: PhraseSet,
    /// "X, known as Y": the article's own name for X.
    pub known_as: PhraseSet,
    pub org_heads: PhraseSet,
    /// Head nouns whose names go on with a country: "the United Nations
    /// Assistance Mission in Afghanistan".
    pub org_heads_in_place: PhraseSet,
    /// Head nouns of a state's name: "the Russian Federation".
    pub state_heads: PhraseSet,
    /// "the African Union Commission": a listed organization's body.
    pub nested_heads: PhraseSet,
    /// Head nouns that news writes in lower case after an organization's
    /// name: "the Fatah alliance", "the Wagner group".
    pub lowercase_org_heads: PhraseSet,
    /// Lower-case words inside a person's name: "Ziyad al-Nakhalah",
    /// "Tamim bin Hamad Al Thani".
    pub name_particles: HashSet<String>,
    /// Peoples whose names lack a nationality ending ("Cypriot", "Serb").
    pub demonyms: HashSet<String>,
    /// Endings of a nationality adjective ("Qatari", "Rwandan"): such a
    /// word before a title is not an organization.
    pub nationality_endings: Vec<String>,
    /// Words whose possessive stays inside an organization's name: "the
    /// Tigray People's Liberation Front".
    pub name_possessives: HashSet<String>,
    /// Countries, regions and capitals: places, never discovered actors.
    pub countries: HashSet<String>,
    /// Last words of capitalized names that are things, not people: "the
    /// Berlin Conference", "Al Salam Palace".
    pub not_person_endings: PhraseSet,
    /// Words no person's name holds: "Islamic Jihad" is no person.
    pub not_person_words: PhraseSet,
    /// Words that start with a capital but are no part of a name ("The",
    /// "Monday", "He").
    pub not_names: PhraseSet,
    /// Words after a name and a hyphen that make a compound adjective, not
    /// a name: "Taliban-led", "Iran-run".
    pub name_suffix_words: PhraseSet,
    /// Nouns after a plural organization name's singular that stand for
    /// the organization: "the Houthi group" for "Houthis".
    pub collective_nouns: Vec<String>,
    /// Words news writes in capitals that name no organization ("GMT").
    pub not_organizations: HashSet<String>,
    /// "Opposition leader X": a lone word naming a kind of organization.
    pub generic_organizations: PhraseSet,
    /// Nouns after a person's name that make it a group's description:
    /// "the Hadi government", "Maduro loyalists".
    pub person_groups: PhraseSet,
    pub meet_verbs: PhraseSet,
    pub light_verbs: PhraseSet,
    pub meet_transitive: PhraseSet,
    pub denial: PhraseSet,
    pub meet_with: PhraseSet,
    pub meet_nouns: PhraseSet,
    pub meet_their: PhraseSet,
    /// "the meeting included A and B": the participants follow.
    pub meet_participants: PhraseSet,
    /// "In attendance were A and B".
    pub meet_attendance: PhraseSet,
    /// "held trilateral talks with A and B": A and B met each other too.
    pub meet_multilateral: PhraseSet,
    /// Words that make "meeting" after them a noun: "a long meeting".
    pub meet_noun_adjectives: PhraseSet,
    /// "X hosted a meeting between A and B": X was at it too.
    pub meet_hosting: PhraseSet,
    /// "met B in the company of C": C was at the meeting on the subject's side.
    pub meet_company: PhraseSet,
    /// "A and B met in the presence of C": C met both.
    pub meet_presence: PhraseSet,
    /// "met for several hours with X": how long, not with whom.
    pub meet_durations: PhraseSet,
    /// "A and B attended the talks", "attended by A and B": who attended
    /// met the meeting's other side, not one another.
    pub meet_attending: PhraseSet,
    /// "discussed <topic> with X".
    pub meet_discussed: PhraseSet,
    /// "handed a letter to X", "handed X a message": given in person.
    pub meet_handing: PhraseSet,
    /// What is handed over in person: "letter", "message", "invitation".
    pub meet_handed_items: PhraseSet,
    /// Words of a talk at a distance: "by phone", "in a video call".
    pub meet_remote: PhraseSet,
    /// "held separate talks", "met individually": not one another.
    pub meet_separate: PhraseSet,
    /// Trips in the past tense: "flew to X for talks with Y" reports talks.
    pub meet_trips: PhraseSet,
    pub irrealis_before: PhraseSet,
    pub irrealis_after: PhraseSet,
    pub realis: PhraseSet,
    pub conditional: PhraseSet,
    pub reject_verbs: PhraseSet,
    pub reject_nouns: PhraseSet,
    pub proposals: PhraseSet,
    pub proposal_from: PhraseSet,
    pub anaphoric: PhraseSet,
    pub proposal_making: PhraseSet,
    /// Verbs that are themselves a proposal: (folded verb, folded noun).
    pub proposal_verbs: Vec<(String, String)>,
    pub reject_blockers: PhraseSet,
    /// "rejected X as a mediator": roles an actor offers to play.
    pub reject_roles: PhraseSet,
    /// "X said Y's proposal cannot be accepted": what a speaker says of a
    /// proposal to reject it.
    pub reject_unacceptable: PhraseSet,
    /// Titles of people who speak or negotiate for their organization: a
    /// proposal by "UN envoy X" is the UN's too.
    pub spokes_titles: PhraseSet,
    /// Offers of a meeting: "turned down an invitation to meet X".
    pub meeting_offers: PhraseSet,
    /// "rejected the idea of a meeting with X": what a meeting may be.
    pub meeting_prospects: PhraseSet,
    pub object_stop: PhraseSet,
    pub leader_nouns: PhraseSet,
    pub leader_titles: PhraseSet,
    /// "LNA commander X": titles that lead an armed organization only.
    pub armed_titles: PhraseSet,
    /// Last words of an armed organization's name ("army", "forces").
    pub armed_heads: PhraseSet,
    /// "KRG Prime Minister X": titles that lead a government only.
    pub government_titles: PhraseSet,
    /// Last words of a government's name ("government", "cabinet").
    pub government_heads: PhraseSet,
    /// Leader titles a country's head also bears ("Tajik President X").
    pub state_titles: PhraseSet,
    /// "appointed", "named", "became": "A was appointed interim leader of B".
    pub appointment_verbs: PhraseSet,
    /// "Maoist rebel chief X": the fighters' word before a leader's title.
    pub fighter_words: PhraseSet,
    /// "the leader of Sumar, X": leader's nouns after which one capitalized
    /// word is an organization.
    pub one_word_leaders: PhraseSet,
    pub lead_verbs: PhraseSet,
    pub lead_passive: PhraseSet,
    pub lead_blockers: PhraseSet,
    pub subunits: PhraseSet,
    pub role_modifiers: PhraseSet,
    pub role_past: PhraseSet,
    pub child_nouns: PhraseSet,
    pub parent_nouns: PhraseSet,
}

impl Patterns {
    /// Parses the TOML text of a patterns file; `name` is used in errors.
    pub fn parse(text: &str, name: &str) -> Result<Patterns> {
        let raw: Raw = toml::from_str(text).with_context(|| format!("{name}: invalid patterns file"))?;
        let mut boilerplate = Vec::new();
        for (i, re) in raw.boilerplate.lines.iter().enumerate() {
            boilerplate.push(Regex::new(re).with_context(|| format!("{name}: boilerplate.lines[{i}] is not a valid regular expression"))?);
        }
        let p = PhraseSet::new;
        Ok(Patterns {
            abbreviations: raw.sentences.abbreviations.iter().map(|a| crate::text::fold::fold(a)).collect(),
            boilerplate,
            breakers: p(&raw.clauses.breakers),
            relativizers: p(&raw.clauses.relativizers),
            attribution: p(&raw.clauses.attribution),
            say_verbs: p(&raw.clauses.say_verbs),
            anonymous_sources: p(&raw.clauses.anonymous_sources),
            titles: p(&raw.actors.titles),
            // The words of "secretary of state" are titles, but not "of":
            // rules walk over title words, never over a preposition.
            title_words: raw
                .actors
                .titles
                .iter()
                .flat_map(|t| Phrase::new(t).0)
                .filter(|w| !matches!(w.as_str(), "of" | "to" | "for" | "the" | "and" | "on" | "in"))
                .collect(),
            title_modifiers: raw.actors.title_modifiers.iter().map(|w| crate::text::fold::fold(w)).collect(),
            title_complements: p(&raw.actors.title_complements),
            proxies: p(&raw.actors.proxies),
            honorifics: p(&raw.actors.honorifics),
            adjectival_prefixes: p(&raw.actors.adjectival_prefixes),
            adjectival_suffixes: p(&raw.actors.adjectival_suffixes),
            known_as: p(&raw.actors.known_as),
            org_heads: p(&raw.actors.org_heads),
            org_heads_in_place: p(&raw.actors.org_heads_in_place),
            state_heads: p(&raw.actors.state_heads),
            nested_heads: p(&raw.actors.nested_heads),
            lowercase_org_heads: p(&raw.actors.lowercase_org_heads),
            name_particles: raw.actors.name_particles.iter().map(|w| crate::text::fold::fold(w)).collect(),
            demonyms: raw.actors.demonyms.iter().map(|w| crate::text::fold::fold(w)).collect(),
            nationality_endings: raw.actors.nationality_endings.iter().map(|w| crate::text::fold::fold(w)).collect(),
            name_possessives: raw.actors.name_possessives.iter().map(|w| crate::text::fold::fold(w)).collect(),
            countries: raw.actors.countries.iter().map(|w| crate::text::fold::fold(w)).collect(),
            not_person_endings: p(&raw.actors.not_person_endings),
            not_person_words: p(&raw.actors.not_person_words),
            not_names: p(&raw.actors.not_names),
            name_suffix_words: p(&raw.actors.name_suffix_words),
            collective_nouns: raw.actors.collective_nouns.clone(),
            not_organizations: raw.actors.not_organizations.iter().map(|w| crate::text::fold::fold(w)).collect(),
            generic_organizations: p(&raw.actors.generic_organizations),
            person_groups: p(&raw.actors.person_groups),
            meet_verbs: p(&raw.meet.verbs),
            light_verbs: p(&raw.meet.light_verbs),
            meet_transitive: p(&raw.meet.transitive),
            denial: p(&raw.meet.denial),
            meet_with: p(&raw.meet.with),
            meet_nouns: p(&raw.meet.nouns),
            meet_their: p(&raw.meet.their),
            meet_participants: p(&raw.meet.participants),
            meet_attendance: p(&raw.meet.attendance),
            meet_multilateral: p(&raw.meet.multilateral),
            meet_noun_adjectives: p(&raw.meet.noun_adjectives),
            meet_hosting: p(&raw.meet.hosting),
            meet_company: p(&raw.meet.company),
            meet_presence: p(&raw.meet.presence),
            meet_durations: p(&raw.meet.durations),
            meet_attending: p(&raw.meet.attending),
            meet_discussed: p(&raw.meet.discussed),
            meet_handing: p(&raw.meet.handing),
            meet_handed_items: p(&raw.meet.handed_items),
            meet_remote: p(&raw.meet.remote),
            meet_separate: p(&raw.meet.separate),
            meet_trips: p(&raw.meet.trips),
            irrealis_before: p(&raw.meet.irrealis_before),
            irrealis_after: p(&raw.meet.irrealis_after),
            realis: p(&raw.meet.realis),
            conditional: p(&raw.meet.conditional),
            reject_verbs: p(&raw.reject.verbs),
            reject_nouns: p(&raw.reject.nouns),
            proposals: p(&raw.reject.proposals),
            proposal_from: p(&raw.reject.from),
            anaphoric: p(&raw.reject.anaphoric),
            proposal_making: p(&raw.reject.making),
            proposal_verbs: raw.reject.made_nouns.iter().map(|(v, n)| (crate::text::fold::fold(v), crate::text::fold::fold(n))).collect(),
            reject_blockers: p(&raw.reject.blockers),
            reject_roles: p(&raw.reject.roles),
            reject_unacceptable: p(&raw.reject.unacceptable),
            spokes_titles: p(&raw.reject.spokes_titles),
            meeting_offers: p(&raw.reject.meeting_offers),
            meeting_prospects: p(&raw.reject.meeting_prospects),
            object_stop: p(&raw.reject.object_stop),
            leader_nouns: p(&raw.leads.nouns),
            leader_titles: p(&raw.leads.titles),
            armed_titles: p(&raw.leads.armed_titles),
            armed_heads: p(&raw.leads.armed_heads),
            government_titles: p(&raw.leads.government_titles),
            government_heads: p(&raw.leads.government_heads),
            state_titles: p(&raw.leads.state_titles),
            appointment_verbs: p(&raw.leads.appointment),
            fighter_words: p(&raw.leads.fighters),
            one_word_leaders: p(&raw.leads.one_word_leaders),
            lead_verbs: p(&raw.leads.verbs),
            lead_passive: p(&raw.leads.passive),
            lead_blockers: p(&raw.leads.blockers),
            subunits: p(&raw.leads.subunits),
            role_modifiers: p(&raw.roles.modifiers),
            role_past: p(&raw.roles.past),
            child_nouns: p(&raw.family.child),
            parent_nouns: p(&raw.family.parent),
        })
    }

    /// The end of a title's complement starting at token `k`, right after a
    /// title: "(envoy) for Afghanistan", "(envoy) to Yemen", "(High
    /// Representative) for Foreign Affairs and Security Policy", "(envoy) for
    /// the Belgrade-Pristina dialogue". A preposition (or "and" after a
    /// title that ends in a portfolio: "Minister of Foreign Affairs | and
    /// European Integration"), an optional "the",
    /// then country words, title words and their modifiers, hyphenated
    /// capitalized pairs and the nouns of `title_complements`, ending in one
    /// that is not "and" or a hyphen; any capitalized word counts before a
    /// portfolio ("European Integration"). `None` when no complement starts
    /// at `k`.
    ///
    /// ```
    /// use actorgraph::text::tokens::tokenize;
    /// let p = actorgraph::Ontology::builtin().unwrap().patterns;
    /// let tokens = tokenize("for the herat-kabul dialogue karim sadat");
    /// let caps = [false, false, true, false, true, false, true, true];
    /// assert_eq!(p.title_complement_end(&tokens, &caps, 0), Some(6));
    /// let tokens = tokenize("for meetings with karim sadat");
    /// assert_eq!(p.title_complement_end(&tokens, &[false, false, false, true, true], 0), None);
    /// ```
    /// Whether a folded word has a nationality's ending ("korean", "qatari",
    /// "sudanese") or names a people without one ("cypriot", "serb"):
    /// `nationality_endings` and `demonyms` in `patterns.toml`.
    pub fn is_demonym(&self, w: &str) -> bool {
        self.nationality_endings.iter().any(|e| w.ends_with(e.as_str())) || self.demonyms.contains(w)
    }

    /// Whether `w` is a word of a title or the plural of one ("MPs",
    /// "lawmakers", "ministers"): "DEM Party MPs A and B".
    pub fn is_plural_title(&self, w: &str) -> bool {
        w.len() >= 3 && w.ends_with('s') && self.title_words.contains(&w[..w.len() - 1])
    }

    /// Whether `w` is a word of a title, in the singular or the plural.
    pub fn is_title_or_plural(&self, w: &str) -> bool {
        self.title_words.contains(w) || self.is_plural_title(w)
    }

    pub fn title_complement_end(&self, tokens: &[crate::text::tokens::Token], capitalized: &[bool], k: usize) -> Option<usize> {
        let word = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
        // "Minister of Foreign Affairs | and European Integration": a title
        // that ends in a portfolio goes on with another one.
        let goes_on = word(k) == "and" && k > 0 && self.title_complements.contains_word(word(k - 1));
        if !matches!(word(k), "for" | "to" | "of" | "on") && !goes_on {
            return None;
        }
        let mut j = k + 1;
        if word(j) == "the" {
            j += 1;
        }
        let start = j;
        let mut end = None;
        while j < tokens.len() && j < start + 6 {
            let w = word(j);
            // "Belgrade-Pristina": capitalized words joined by a hyphen.
            let hyphened = capitalized.get(j) == Some(&true) && (word(j + 1) == "-" || (j > 0 && word(j - 1) == "-"));
            if let Some(n) = self.title_complements.match_at(tokens, j) {
                j += n;
                end = Some(j);
            } else if hyphened || w == "-" {
                // "Belgrade-Pristina | dialogue": a complement goes on after
                // such a pair; "Kazakhstan | Kassym-Jomart Tokayev" is a name.
                // The hyphen itself is no title word here ("secretary-general").
                j += 1;
            } else if self.countries.contains(w)
                || self.title_words.contains(w)
                || self.title_modifiers.contains(w)
                // "Minister of Foreign Affairs and European Integration",
                // "of Trade and Regional Integration": a capitalized word
                // before a portfolio.
                || (capitalized.get(j) == Some(&true) && self.title_complements.match_at(tokens, j + 1).is_some())
            {
                j += 1;
                end = Some(j);
            } else if matches!(w, "and" | "-") {
                j += 1;
            } else {
                break;
            }
        }
        end
    }

    /// Whether a line of input is page furniture. Long lines are article
    /// text even when they start like furniture ("More from Kabul: ...").
    pub fn is_boilerplate(&self, line: &str) -> bool {
        line.chars().count() <= 200 && self.boilerplate.iter().any(|re| re.is_match(line))
    }
}

impl crate::text::sentences::SplitRules for Patterns {
    fn is_boilerplate(&self, line: &str) -> bool {
        Patterns::is_boilerplate(self, line)
    }

    fn is_abbreviation(&self, folded_word: &str) -> bool {
        self.abbreviations.iter().any(|a| a == folded_word)
    }
}
