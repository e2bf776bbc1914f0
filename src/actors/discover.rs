//! Actors outside the gazetteer: people and organizations that an article
//! introduces with a role ("spokesman Zabiullah Mujahid", "Ali Maisam
//! Nazary, head of foreign relations of the NRF") or with the name of an
//! organization ("the Kabul Unity Council"). They become entities of the
//! document, marked as discovered, and take part in relations like any
//! other actor.
//!
//! One actor is one entity: a discovered name that is a spelling variant of
//! a gazetteer name ("Zabihullah Mujahid" for "Zabiullah Mujahid") is that
//! entity, and a later short form ("Mujahid") is the discovered actor.
//! Across documents, a discovered actor's IRI comes from its folded name, so
//! the same name is the same node everywhere.

use crate::actors::document_words::is_title_case;
pub use crate::actors::document_words::DocumentWords;
use crate::actors::mentions::Sentence;
use crate::actors::resolve::{Mention, Via};
pub use crate::actors::spelling::variants;
use crate::actors::spelling::{same_words, variant_of};
use crate::ontology::gazetteer::{key_words, name_words, Class, Entity, Gazetteer};
use crate::ontology::patterns::Patterns;
use crate::text::tokens::Token;
use oxigraph::model::NamedNode;

mod names;
mod org_names;

/// Where discovered actors' IRIs live: apart from the gazetteer's, so that
/// a listed actor's IRI never changes meaning.
pub const DISCOVERED_BASE: &str = "https://w3id.org/actorgraph/id/discovered/";

/// The gazetteer plus the actors one document introduced; entity indexes
/// past the gazetteer's count into `discovered`.
#[derive(Clone, Copy)]
pub struct Actors<'a> {
    pub gazetteer: &'a Gazetteer,
    pub discovered: &'a [Entity],
}

impl<'a> Actors<'a> {
    /// Just the gazetteer.
    pub fn listed(gazetteer: &'a Gazetteer) -> Actors<'a> {
        Actors { gazetteer, discovered: &[] }
    }

    pub fn get(&self, e: usize) -> &'a Entity {
        let n = self.gazetteer.entities.len();
        if e < n {
            &self.gazetteer.entities[e]
        } else {
            &self.discovered[e - n]
        }
    }

    pub fn is_discovered(&self, e: usize) -> bool {
        e >= self.gazetteer.entities.len()
    }
}

/// A discovered actor's IRI: the base plus its folded name, hyphenated.
pub fn discovered_iri(label: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{DISCOVERED_BASE}{}", name_words(label).join("-")))
}

/// What discovery adds to a document.
#[derive(Debug, Default)]
pub struct Discovered {
    pub entities: Vec<Entity>,
    /// Extra mentions, per sentence, with indexes as in [`Actors`].
    pub mentions: Vec<Vec<Mention>>,
}

struct Scan<'s> {
    /// What the document's spelling says about its words.
    words: &'s DocumentWords<'s>,
    sentence: &'s Sentence,
    /// The sentence's original text.
    text: &'s str,
    tokens: &'s [Token],
    capitalized: &'s [bool],
    covered: Vec<bool>,
    p: &'s Patterns,
}

/// Stretches a listed person's full name over one more name word that the
/// article writes after it: "Abdul Ghani Baradar Akhund, the deputy prime
/// minister, met ..." is Baradar, and the apposition after the whole name is
/// his. Only a name of two words or more, and only one word that the article
/// never writes in lower case, that names no place, organization or country,
/// and that no other name follows: "Ahmad Shah Massoud Khalili" is not
/// stretched.
pub fn stretch_listed_names(
    sentences: &[Sentence],
    doc_words: &DocumentWords,
    text: &str,
    mentions: &mut [Vec<Mention>],
    gaz: &Gazetteer,
    p: &Patterns,
) {
    for (si, sentence) in sentences.iter().enumerate() {
        if is_title_case(sentence) || mentions[si].is_empty() {
            continue;
        }
        let tokens = &sentence.tokens;
        let mut covered = vec![false; tokens.len()];
        for m in &mentions[si] {
            covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
        }
        let original = &text[sentence.span.start..sentence.span.end];
        let scan = Scan { words: doc_words, sentence, text: original, tokens, capitalized: &sentence.capitalized, covered, p };
        for m in mentions[si].iter_mut() {
            let j = m.end;
            // "the Ismail Khan Foundation": a person's name inside an
            // organization's names no participant.
            let person = gaz.entities.get(m.entity).is_some_and(|e| e.class == Class::Person);
            if person && !scan.covered.get(j).copied().unwrap_or(true) && scan.capitalized[j] && p.org_heads.contains_word(scan.word(j)) {
                m.adjectival = true;
                continue;
            }
            let full_person =
                m.via == Via::Name && m.end - m.start >= 2 && gaz.entities.get(m.entity).is_some_and(|e| e.class == Class::Person);
            if !full_person || !scan.name_word(j) || scan.name_word(j + 1) || scan.particle(j + 1) || scan.initial(j + 1).is_some() {
                continue;
            }
            let w = scan.word(j);
            let other = doc_words.lower.contains(w)
                || doc_words.places.contains(w)
                || p.countries.contains(w)
                || p.org_heads.contains_word(w)
                || p.not_person_endings.contains_word(w)
                || (scan.word(j + 1) == "-" && scan.touching(j + 1));
            if !other {
                m.end = j + 1;
            }
        }
        // "Abdul Rashid | Massoud": other first names before a listed
        // person's surname make another person, unless the whole is a
        // variant of the listed name ("Abdul-Hamid Mohammed | Dbeibah"),
        // which the mention then covers. Dropping the surname's mention lets
        // discovery find the whole name.
        let mut dropped = Vec::new();
        let mut stretched = Vec::new();
        for (k, m) in mentions[si].iter().enumerate() {
            let surname =
                m.end - m.start == 1 && m.via != Via::Pronoun && gaz.entities.get(m.entity).is_some_and(|e| e.class == Class::Person);
            if !surname || m.start < 2 {
                continue;
            }
            let mut b = m.start;
            while b > 0 && m.start - b < 3 && scan.name_word(b - 1) && !scan.covered[b - 1] {
                b -= 1;
            }
            // Two name words at least, the first not the sentence's own capital.
            if m.start - b < 2 || (b == 0 && !doc_words.proper.contains(scan.word(0))) {
                continue;
            }
            let (a, e) = sentence.folded.original_range(tokens[b].start, tokens[m.end - 1].end);
            let words = key_words(&original[a..e], &p.name_particles);
            if variant_of(gaz, Class::Person, &words) == Some(m.entity) {
                // "Abdel Fattah El | Sisi": the listed person, named in full.
                stretched.push((k, b));
            } else if scan.plain_person(b, m.end) {
                dropped.push(k);
            }
        }
        for (k, c) in stretched {
            mentions[si][k].start = c;
        }
        for k in dropped.into_iter().rev() {
            mentions[si].remove(k);
        }
    }
}

/// What a discovered entity's first name said, kept to compare later names
/// of the document with it.
struct KnownName {
    /// Its key words.
    words: Vec<String>,
    /// The country of an organization, where its name or a possessive
    /// before it gives one (first four letters: "egyp" for both "Egypt's"
    /// and "Egyptian").
    nation: Option<String>,
    /// The country named in a possessive before an organization's first
    /// mention ("Egypt" of "Egypt's General Intelligence Service"), until
    /// its label takes it.
    owner: Option<String>,
}

/// Finds the actors a document introduces that the gazetteer does not list.
/// `mentions` are the resolved gazetteer mentions of each sentence.
pub fn discover(
    sentences: &[Sentence],
    doc_words: &DocumentWords,
    text: &str,
    mentions: &[Vec<Mention>],
    gaz: &Gazetteer,
    p: &Patterns,
) -> Discovered {
    let mut out = Discovered { entities: Vec::new(), mentions: vec![Vec::new(); sentences.len()] };
    let base = gaz.entities.len();
    // What each discovered entity's name says (`out.entities[k]` is
    // `known[k]`), and the entity of each name seen.
    let mut known: Vec<KnownName> = Vec::new();
    let mut seen: std::collections::HashMap<(Class, Vec<String>), usize> = std::collections::HashMap::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        // A headline in title case capitalizes everything: no names there.
        if is_title_case(sentence) {
            continue;
        }
        let mut covered = vec![false; tokens.len()];
        for m in &mentions[si] {
            covered[m.start..m.end].iter_mut().for_each(|c| *c = true);
        }
        let original = &text[sentence.span.start..sentence.span.end];
        let scan = Scan { words: doc_words, sentence, text: original, tokens, capitalized: &sentence.capitalized, covered, p };
        let mut found: Vec<(usize, usize, Class)> = Vec::new();
        // The labels of listed organizations' bodies, by where they start.
        let mut bodies: std::collections::HashMap<usize, String> = std::collections::HashMap::new();
        // Where a title runs before the person it names: (title, name).
        let mut titled: Vec<(usize, usize)> = Vec::new();
        for i in 0..tokens.len() {
            // "spokesman Zabiullah Mujahid", "Taliban spokesman Mawlawi X Y"
            if let Some(n) = p.titles.match_at(tokens, i) {
                let mut k = scan.skip_honorifics(i + n);
                // "President of Kazakhstan X", "envoy for the peace process
                // X": the complement is the title's.
                // "envoy to | Yemen X": a title that ends in its preposition.
                let preposition = (k > 0 && matches!(scan.word(k - 1), "to" | "for" | "of")).then(|| k - 1);
                if let Some(e) = p.title_complement_end(tokens, &sentence.capitalized, preposition.unwrap_or(k)) {
                    k = scan.skip_honorifics(e);
                    // "Minister of Foreign Affairs and European Integration,
                    // X": the complement names no one, whatever follows it.
                    titled.push((i, e));
                }
                // "United Nations envoy X": an organization's name, known by
                // its head noun, before any title of a named person.
                if scan.name_at(k).is_some() {
                    if let Some((b, e)) =
                        scan.organization_before_title(i).filter(|&(b, e)| e - b >= 2 && p.org_heads.contains_word(scan.word(e - 1)))
                    {
                        found.push((b, e, Class::Organization));
                    }
                }
                if !p.title_words.contains(scan.word(k)) {
                    // "King Abdulaziz International Airport" is a thing.
                    if let Some(end) =
                        scan.name_at(k).filter(|&e| !p.not_person_endings.contains_word(scan.word(e - 1)) && !scan.nationality(k, e))
                    {
                        found.push((k, end, Class::Person));
                        titled.push((i, k));
                    }
                }
            }
            // "Mossad chief David Barnea": whoever a leader's title before a
            // person belongs to is an organization.
            // "Libyan National Army commander X": an armed organization's
            // name ends right before its commander's title.
            // "Libyan National Army (LNA) commander X": the name ends before
            // its acronym in brackets.
            let name_end = if i >= 3 && scan.word(i - 1) == ")" && scan.word(i - 3) == "(" { i - 3 } else { i };
            let armed_title = || {
                p.armed_titles
                    .match_at(tokens, i)
                    .filter(|_| name_end > 0 && p.armed_heads.contains_word(scan.word(name_end - 1)) && sentence.capitalized[name_end - 1])
            };
            if let Some(n) = p.leader_titles.match_at(tokens, i).or_else(armed_title) {
                let k = scan.skip_honorifics(i + n);
                let person = scan.name_at(k).is_some()
                    || mentions[si].iter().any(|m| m.start == k && gaz.entities.get(m.entity).is_some_and(|e| e.class == Class::Person));
                if person {
                    if let Some((b, e)) = scan.organization_before_title(name_end) {
                        // "Tajik President X": one word before a head of
                        // state's title is a nationality, unless an acronym.
                        let lone = e - b == 1 && !scan.original(b).chars().all(|c| c.is_uppercase() || c == '.');
                        if !(lone && p.state_titles.match_at(tokens, i).is_some()) {
                            found.push((b, e, Class::Organization));
                        }
                    }
                }
            }
            // "commanded by Hossein Salami": whoever leads is an actor.
            if let Some(n) = p.lead_passive.match_at(tokens, i) {
                let k = scan.skip_honorifics(i + n);
                if let Some(end) = scan.name_at(k) {
                    found.push((k, end, Class::Person));
                }
            }
            // "Qari Qudratullah, the Taliban-appointed governor": one name
            // after a form of address is a person when a role follows; the
            // form of address is part of how the person is known.
            if p.honorifics.match_at(tokens, i).is_some() && sentence.capitalized[i] && (i == 0 || !scan.name_word(i - 1)) {
                let k = scan.skip_honorifics(i);
                if scan.name_word(k) && !scan.name_word(k + 1) && scan.word(k + 1) == "," {
                    let mut j = k + 2;
                    while matches!(scan.word(j), "the" | "a" | "an") {
                        j += 1;
                    }
                    let titled = (j..(j + 4).min(tokens.len())).any(|x| p.title_words.contains(scan.word(x)));
                    if titled && !scan.covered[i] {
                        found.push((i, k + 1, Class::Person));
                    }
                }
            }
            // "X Y, head of foreign relations of the NRF", "X Y, a Taliban commander"
            let starts_name = scan.name_word(i) || scan.initial(i).is_some();
            if (i == 0 || !(scan.name_word(i - 1) || scan.initial(i - 1).is_some())) && starts_name {
                if let Some(end) = scan.name_at(i) {
                    let mut k = end;
                    if scan.word(k) == "," {
                        k += 1;
                        while matches!(scan.word(k), "the" | "a" | "an") {
                            k += 1;
                        }
                        // "a Taliban commander": an organization, then the title.
                        if let Some(m) = mentions[si].iter().find(|m| m.start == k) {
                            k = m.end;
                        }
                        // Not "at Bishkek's Manas Airport, President X":
                        // a place's name before someone else's title.
                        if p.titles.match_at(tokens, k).is_some() && !p.not_person_endings.contains_word(scan.word(end - 1)) {
                            found.push((i, end, Class::Person));
                        }
                    }
                    // "met with Angela Merkel": a full name needs no title.
                    if scan.plain_person(i, end) {
                        found.push((i, end, Class::Person));
                    }
                }
            }
            // "a UN proposal", "NATO officials": an acronym standing alone is
            // an organization's name, unless it is a country's ("US") or a
            // word news writes in capitals that names no one ("GMT").
            if scan.acronym_at(i) {
                found.push((i, i + 1, Class::Organization));
            }
            // "the Kabul Unity Council", "Egypt's General Intelligence
            // Service", "the Fatah alliance": names by their head nouns.
            scan.organization_names(i, &mut found);
            // "the leader of Sumar, Yolanda Diaz": one word after a leader's
            // "of", then the leader's name.
            if let Some(e) = scan.one_word_organization(i) {
                found.push((i, e, Class::Organization));
            }
            // "the African Union Commission": a listed organization's body
            // is an organization of its own.
            if let Some(m) = mentions[si].iter().find(|m| m.end == i && !m.adjectival) {
                let listed = gaz.entities.get(m.entity).filter(|e| e.class == Class::Organization);
                let own_head = listed.is_some_and(|e| name_words(&e.pref_label).last().map(String::as_str) == Some(scan.word(i)));
                // "the Taliban Commission for Da'wah, Guidance ...": a longer
                // name this rule does not know where to end.
                let longer = matches!(scan.word(i + 1), "for" | "of" | "on") && sentence.capitalized.get(i + 2) == Some(&true);
                if let Some(e) = listed.filter(|_| {
                    !own_head && !longer && sentence.capitalized[i] && p.nested_heads.contains_word(scan.word(i)) && !scan.covered[i]
                }) {
                    found.push((m.start, i + 1, Class::Organization));
                    // One label whichever name of the organization the
                    // article uses: "AU Commission" is "African Union Commission".
                    bodies.insert(m.start, format!("{} {}", e.pref_label, scan.original(i)));
                }
            }
        }
        // "Minister of Irrigation and Water Resources Yasser Abbas": no name
        // starts inside a title before the name the title gives.
        found.retain(|&(s, _, class)| class != Class::Person || !titled.iter().any(|&(t, k)| t < s && s < k));
        // At one start, an organization found by a rule wins over a plain name.
        found.sort_by_key(|f| (f.0, f.2 != Class::Organization, f.1));
        found.dedup_by_key(|f| f.0);
        for (start, end, class) in found {
            if out.mentions[si].iter().any(|m| m.start < end && start < m.end) {
                continue;
            }
            // "Karabakh Armenians": a people, not a person, when the article
            // also writes the singular as a word of its own ("Armenian").
            let last = scan.word(end - 1);
            let demonym = last.strip_suffix('s').is_some_and(|one| doc_words.proper.contains(one) && p.is_demonym(one));
            if class == Class::Person && demonym {
                continue;
            }
            let (a, b) = sentence.folded.original_range(tokens[start].start, tokens[end - 1].end);
            // Editorial brackets inside the name ("[Omar] Zaki") are not part of it.
            let label: String = match bodies.get(&start) {
                Some(body) if class == Class::Organization => body.clone(),
                _ => text[sentence.span.start + a..sentence.span.start + b].chars().filter(|c| !matches!(c, '[' | ']')).collect(),
            };
            let words = key_words(&label, &p.name_particles);
            // "Egypt's General Intelligence Service" and "the Sudanese
            // General Intelligence Service": one name of two countries'
            // bodies names two organizations.
            let owner =
                (class == Class::Organization && start >= 2 && scan.word(start - 1) == "'s" && p.countries.contains(scan.word(start - 2)))
                    .then(|| start - 2);
            let nation = owner
                .map(|k| scan.word(k).to_string())
                .or_else(|| {
                    (class == Class::Organization)
                        .then(|| words.first().filter(|w| p.countries.contains(w.as_str()) || p.is_demonym(w)).cloned())
                        .flatten()
                })
                .map(|w| w.chars().take(4).collect::<String>());
            let compatible = |e: usize| {
                let k = e.wrapping_sub(base);
                k >= known.len() || nation.is_none() || known[k].nation.is_none() || known[k].nation == nation
            };
            // The same name again in the document: no comparison needed.
            let again = seen.get(&(class, words.clone())).copied().filter(|&e| compatible(e));
            // "the Myanmar National Democratic Army (MNDAA)": the article
            // equates the name with the listed actor in parentheses.
            let bracketed = (sentence.tokens.get(end).is_some_and(|t| t.text == "(")).then(|| {
                mentions[si].iter().find(|m| {
                    m.start == end + 1 && sentence.tokens.get(m.end).is_some_and(|t| t.text == ")") && gaz.entities[m.entity].class == class
                })
            });
            // "the Republican People's Party (CHP)": an acronym in brackets
            // right after a discovered organization's name is that
            // organization's, here and wherever the article uses it again.
            let acronym_of =
                (class == Class::Organization && end == start + 1 && start >= 1 && scan.word(start - 1) == "(" && scan.word(end) == ")")
                    .then(|| {
                        out.mentions[si]
                            .iter()
                            .find(|m| m.end + 1 == start && m.entity >= base && out.entities[m.entity - base].class == class)
                            // Not a name cut short on its left ("Social Democratic
                            // and | Labour Party (SDLP)"), nor one inside another
                            // phrase ("the force under the auspices of the
                            // European Council (EUFOR)").
                            .filter(|m| {
                                let k = if m.start > 0 && scan.word(m.start - 1) == "the" { m.start - 1 } else { m.start };
                                k == 0 || !(sentence.capitalized[k - 1] || matches!(scan.word(k - 1), "and" | "of" | "for" | "-"))
                            })
                            .map(|m| m.entity)
                    })
                    .flatten();
            // "Mr. Wang" after "Wang Yi": a form of address and one name
            // word is the one person the document named with that word.
            let addressed = (class == Class::Person && p.honorifics.match_at(tokens, start).is_some() && words.len() == 2)
                .then(|| {
                    let w = &words[1];
                    let holders: Vec<usize> = (0..out.entities.len())
                        .filter(|&k| out.entities[k].class == Class::Person && known[k].words.len() >= 2 && known[k].words.contains(w))
                        .collect();
                    (holders.len() == 1).then(|| base + holders[0])
                })
                .flatten();
            // "bin Salman" after "Mohammed bin Salman": a particle and a last
            // name is a short reference to the one person named in full with
            // that last name, listed or discovered, earlier in the document.
            let short_reference = (class == Class::Person && words.len() == 1 && scan.particle(start))
                .then(|| {
                    let w = &words[0];
                    let listed = mentions[..=si].iter().flatten().map(|m| m.entity).filter(|&e| {
                        gaz.entities.get(e).is_some_and(|en| {
                            en.class == Class::Person
                                && key_words(&en.pref_label, &p.name_particles).last() == Some(w)
                                && key_words(&en.pref_label, &p.name_particles).len() >= 2
                        })
                    });
                    let found_here = (0..out.entities.len())
                        .filter(|&k| {
                            out.entities[k].class == Class::Person && known[k].words.len() >= 2 && known[k].words.last() == Some(w)
                        })
                        .map(|k| base + k);
                    let mut all: Vec<usize> = listed.chain(found_here).collect();
                    all.sort_unstable();
                    all.dedup();
                    (all.len() == 1).then(|| all[0])
                })
                .flatten();
            // "Abdul-Hamid Mohammed | Dbeibah": first names before a listed
            // person's surname that, with it, make a variant of the listed
            // name are that person ("Ali Mohsen | Saleh" is not "Ali
            // Abdullah Saleh").
            let first_names_of = (class == Class::Person)
                .then(|| {
                    let m = mentions[si]
                        .iter()
                        .find(|m| m.start == end && gaz.entities.get(m.entity).is_some_and(|e| e.class == Class::Person))?;
                    let (a, b) = sentence.folded.original_range(tokens[m.start].start, tokens[m.end - 1].end);
                    let mut all = words.clone();
                    all.extend(key_words(&text[sentence.span.start + a..sentence.span.start + b], &p.name_particles));
                    (variant_of(gaz, Class::Person, &all) == Some(m.entity)).then_some(m.entity)
                })
                .flatten();
            // A discovered entity of the same name: one of the same country
            // to join, else one of another country ("Egypt's" and "the
            // Sudanese General Intelligence Service") to tell apart.
            let same_name = || {
                let mut rival = None;
                for (k, (entity, name)) in out.entities.iter().zip(&known).enumerate() {
                    if entity.class == class && same_words(&name.words, &words, class) {
                        if compatible(base + k) {
                            return (Some(k), None);
                        }
                        rival = rival.or(Some(k));
                    }
                }
                (None, rival)
            };
            let earlier = again
                .or(acronym_of)
                .or(first_names_of)
                .or(short_reference)
                .or(addressed)
                .or(bracketed.flatten().map(|m| m.entity))
                .or_else(|| variant_of(gaz, class, &words));
            let (same, rival) = if earlier.is_some() { (None, None) } else { same_name() };
            if let Some(e) = acronym_of.filter(|_| again.is_none()) {
                let alt = &mut out.entities[e - base].alt_labels;
                if !alt.contains(&label) {
                    alt.push(label.clone());
                }
            }
            let entity = if let Some(e) = earlier {
                e
            } else if let Some(k) = same {
                base + k
            } else {
                // The other country's body of the same name was named
                // before: both labels carry their country, so that neither
                // stands for the other across documents.
                let owner_name = owner.map(|k| scan.original(k).to_string());
                let label = match (&owner_name, rival) {
                    (Some(o), Some(_)) => format!("{o}'s {label}"),
                    _ => label,
                };
                if let Some(k) = rival {
                    if let Some(o) = known[k].owner.take() {
                        let renamed = format!("{o}'s {}", out.entities[k].pref_label);
                        out.entities[k].iri = discovered_iri(&renamed);
                        out.entities[k].pref_label = renamed;
                    }
                }
                known.push(KnownName { words: words.clone(), nation: nation.clone(), owner: owner_name });
                out.entities.push(Entity {
                    iri: discovered_iri(&label),
                    class,
                    pref_label: label,
                    alt_labels: Vec::new(),
                    short_labels: Vec::new(),
                    cues: Vec::new(),
                    generic_names: Vec::new(),
                    member_of: Vec::new(),
                });
                base + out.entities.len() - 1
            };
            seen.insert((class, words), entity);
            out.mentions[si].push(Mention { start, end, entity, via: Via::Name, adjectival: false });
        }
    }
    // Every name word of each discovered person, for "Mr. Wang" after "Wang
    // Yi": after a form of address, any word of a name names its person.
    let addressed: Vec<(usize, Vec<String>, usize)> = out
        .mentions
        .iter()
        .enumerate()
        .flat_map(|(si, ms)| ms.iter().map(move |m| (si, m)))
        .filter(|(_, m)| m.entity >= base && out.entities[m.entity - base].class == Class::Person)
        .map(|(si, m)| (si, key_words(&out.entities[m.entity - base].pref_label, &p.name_particles), m.entity))
        .collect();
    // A later surname alone is the discovered person: "Mujahid said". So is
    // a surname in the headline (the first sentence), which names people
    // before the article introduces them.
    let people: Vec<(usize, String, usize)> = out
        .mentions
        .iter()
        .enumerate()
        .flat_map(|(si, ms)| ms.iter().map(move |m| (si, m)))
        .filter(|(_, m)| m.entity >= base && out.entities[m.entity - base].class == Class::Person)
        .filter_map(|(si, m)| Some((si, name_words(&out.entities[m.entity - base].pref_label).pop()?, m.entity)))
        .collect();
    for (si, sentence) in sentences.iter().enumerate() {
        for (i, t) in sentence.tokens.iter().enumerate() {
            if !sentence.capitalized[i] || mentions[si].iter().chain(&out.mentions[si]).any(|m| m.start <= i && i < m.end) {
                continue;
            }
            let after_address = i > 0 && {
                let k = if sentence.tokens[i - 1].text == "." && i > 1 { i - 2 } else { i - 1 };
                p.honorifics.match_at(&sentence.tokens, k).is_some_and(|n| k + n == i || k + n + 1 == i)
            };
            let mut candidates: Vec<usize> = people.iter().filter(|(s, w, _)| (*s <= si || si == 0) && *w == t.text).map(|p| p.2).collect();
            if candidates.is_empty() && after_address {
                candidates = addressed.iter().filter(|(s, ws, _)| *s <= si && ws.len() >= 2 && ws.contains(&t.text)).map(|p| p.2).collect();
            }
            if let Some(&e) = candidates.first().filter(|_| candidates.iter().all(|&c| c == candidates[0])) {
                out.mentions[si].push(Mention { start: i, end: i + 1, entity: e, via: Via::ShortName, adjectival: false });
            }
        }
        out.mentions[si].sort_by_key(|m| m.start);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discovered_iris_are_folded_names() {
        assert_eq!(discovered_iri("Fahim Dashtî").as_str(), "https://w3id.org/actorgraph/id/discovered/fahim-dashti");
    }
}
