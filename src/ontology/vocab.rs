//! IRIs of the vocabularies the graph uses. See README.md, "Data contract".

pub const AG: &str = "https://w3id.org/actorgraph/ontology#";
/// Where the gazetteer's actors live (`id:`).
pub const ID_BASE: &str = "https://w3id.org/actorgraph/id/";
pub const AG_PERSON: &str = "https://w3id.org/actorgraph/ontology#Person";
pub const AG_ORGANIZATION: &str = "https://w3id.org/actorgraph/ontology#Organization";
pub const AG_ARTICLE: &str = "https://w3id.org/actorgraph/ontology#Article";
pub const AG_FACT: &str = "https://w3id.org/actorgraph/ontology#Fact";
pub const AG_SENTENCE: &str = "https://w3id.org/actorgraph/ontology#Sentence";
pub const AG_EVIDENCE: &str = "https://w3id.org/actorgraph/ontology#evidence";
pub const AG_CONFIDENCE: &str = "https://w3id.org/actorgraph/ontology#confidence";
pub const AG_KIND: &str = "https://w3id.org/actorgraph/ontology#kind";
pub const AG_RULE: &str = "https://w3id.org/actorgraph/ontology#rule";
pub const AG_SHORT_LABEL: &str = "https://w3id.org/actorgraph/ontology#shortLabel";
pub const AG_CONTEXT_CUE: &str = "https://w3id.org/actorgraph/ontology#contextCue";
pub const AG_GENERIC_NAME: &str = "https://w3id.org/actorgraph/ontology#genericName";
pub const AG_MEMBER_OF: &str = "https://w3id.org/actorgraph/ontology#memberOf";
pub const AG_MEMBERSHIP_ROLE: &str = "https://w3id.org/actorgraph/ontology#roleText";
pub const AG_ATTRIBUTED_TO: &str = "https://w3id.org/actorgraph/ontology#attributedTo";
pub const AG_ATTRIBUTION_TEXT: &str = "https://w3id.org/actorgraph/ontology#attributionText";
pub const AG_PAST_ROLE: &str = "https://w3id.org/actorgraph/ontology#pastRole";
pub const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
pub const AG_DISCOVERED: &str = "https://w3id.org/actorgraph/ontology#discovered";
pub const ORG_MEMBERSHIP: &str = "http://www.w3.org/ns/org#Membership";
pub const ORG_MEMBER: &str = "http://www.w3.org/ns/org#member";
pub const ORG_ORGANIZATION: &str = "http://www.w3.org/ns/org#organization";
pub const AG_EXTRACTED_BY: &str = "https://w3id.org/actorgraph/ontology#extractedBy";

/// Document IRIs are this prefix plus the percent-encoded identifier.
pub const DOC_BASE: &str = "https://w3id.org/actorgraph/doc/";
/// The named graph that holds the ontology and the gazetteer.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/actorgraph/graph/ontology";
pub const ONTOLOGY_IRI: &str = "https://w3id.org/actorgraph/ontology";

pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
pub const RDF_SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
pub const RDF_PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
pub const RDF_OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
pub const SKOS_PREF_LABEL: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
pub const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
pub const OWL_VERSION_INFO: &str = "http://www.w3.org/2002/07/owl#versionInfo";
pub const DCTERMS_IDENTIFIER: &str = "http://purl.org/dc/terms/identifier";
pub const DCTERMS_TITLE: &str = "http://purl.org/dc/terms/title";
pub const DCTERMS_ISSUED: &str = "http://purl.org/dc/terms/issued";
pub const DCTERMS_PUBLISHER: &str = "http://purl.org/dc/terms/publisher";
pub const SCHEMA_URL: &str = "http://schema.org/url";
pub const SCHEMA_MENTIONS: &str = "http://schema.org/mentions";
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
pub const NIF_CONTEXT: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context";
pub const NIF_SENTENCE: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence";
pub const NIF_IS_STRING: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString";
pub const NIF_BEGIN: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
pub const NIF_END: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";
pub const NIF_ANCHOR_OF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
pub const NIF_REFERENCE_CONTEXT: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
pub const XSD_DECIMAL: &str = "http://www.w3.org/2001/XMLSchema#decimal";

/// Prefixes used for Turtle output and compact table output.
pub const PREFIXES: &[(&str, &str)] = &[
    ("ag", AG),
    ("id", "https://w3id.org/actorgraph/id/"),
    ("doc", DOC_BASE),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("schema", "http://schema.org/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("nif", NIF),
    ("org", "http://www.w3.org/ns/org#"),
];

// ---- Inputs and provenance of a run (issue #4) ----------------------------
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const PROV_ACTIVITY: &str = "http://www.w3.org/ns/prov#Activity";
pub const PROV_STARTED_AT_TIME: &str = "http://www.w3.org/ns/prov#startedAtTime";
pub const PROV_ENDED_AT_TIME: &str = "http://www.w3.org/ns/prov#endedAtTime";
pub const PROV_USED: &str = "http://www.w3.org/ns/prov#used";
pub const PROV_WAS_GENERATED_BY: &str = "http://www.w3.org/ns/prov#wasGeneratedBy";
pub const AG_BUILD: &str = "https://w3id.org/actorgraph/ontology#Build";
pub const AG_TOOL_VERSION: &str = "https://w3id.org/actorgraph/ontology#toolVersion";
pub const AG_ONTOLOGY_VERSION: &str = "https://w3id.org/actorgraph/ontology#ontologyVersion";
/// The named graph that holds the build activities.
pub const PROVENANCE_GRAPH: &str = "https://w3id.org/actorgraph/graph/provenance";
/// Build activities are this prefix plus their start time (`20220110T083000Z`).
pub const RUN_BASE: &str = "https://w3id.org/actorgraph/run/";
pub const XSD_DATE_TIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";
// ---- end of inputs and provenance -----------------------------------------
// Meetings as events, places and dates (issue #4) ---------------------------

pub const AG_MEETING: &str = "https://w3id.org/actorgraph/ontology#Meeting";
/// One article's report of a meeting (in the article's graph); the merged
/// `ag:Meeting` links to its reports with `ag:report`.
pub const AG_MEETING_REPORT: &str = "https://w3id.org/actorgraph/ontology#MeetingReport";
pub const AG_PLACE: &str = "https://w3id.org/actorgraph/ontology#Place";
pub const AG_COUNTRY: &str = "https://w3id.org/actorgraph/ontology#country";
pub const AG_REPORT: &str = "https://w3id.org/actorgraph/ontology#report";
pub const AG_SUPPORTS: &str = "https://w3id.org/actorgraph/ontology#supports";
pub const AG_DATE: &str = "https://w3id.org/actorgraph/ontology#date";
pub const AG_DATE_PRECISION: &str = "https://w3id.org/actorgraph/ontology#datePrecision";
pub const AG_DATE_TEXT: &str = "https://w3id.org/actorgraph/ontology#dateText";
pub const SEM: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/";
pub const SEM_HAS_ACTOR: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor";
pub const SEM_HAS_PLACE: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace";
pub const SEM_EARLIEST_BEGIN: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/hasEarliestBeginTimeStamp";
pub const SEM_LATEST_END: &str = "http://semanticweb.cs.vu.nl/2009/11/sem/hasLatestEndTimeStamp";
pub const RDFS_SUB_CLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
pub const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
pub const XSD_G_YEAR_MONTH: &str = "http://www.w3.org/2001/XMLSchema#gYearMonth";
pub const XSD_G_YEAR: &str = "http://www.w3.org/2001/XMLSchema#gYear";
/// Meeting events merged across articles live in this graph of their own,
/// recomputed from the articles' meeting reports after every change.
pub const EVENTS_GRAPH: &str = "https://w3id.org/actorgraph/graph/events";
/// Merged meeting events are this prefix plus a hash of their reports.
pub const EVENT_BASE: &str = "https://w3id.org/actorgraph/event/";
