//! The `actorgraph` command line: a thin layer over the library.

use actorgraph::graph::mapper::{self, InputFormat};
use actorgraph::graph::{ingest, load, store};
use actorgraph::output::export::ExportFormat;
use actorgraph::output::query::OutputFormat;
use actorgraph::output::{export, push, query};
use actorgraph::{eval, suggest, Ontology};
use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn English news articles into an RDF knowledge graph of political
/// actors: who met whom, who rejected whom, who leads what, and the sentence
/// that says so.
#[derive(Parser)]
#[command(name = "actorgraph", version, propagate_version = true)]
#[command(after_help = "Examples:
  actorgraph build corpus/                      build ./actorgraph.db from a folder of .txt articles
  actorgraph query met-with                     who met whom (a bundled query)
  actorgraph query evidence --format csv        every fact with its sentence, as CSV
  actorgraph export --format turtle -o graph.ttl

Exit status: 0 success; 1 some inputs were skipped (each is named on stderr);
2 nothing was done (bad arguments, unreadable store, no input ingested).")]
struct Cli {
    /// The store folder (an Oxigraph database).
    #[arg(long, global = true, default_value = "actorgraph.db", value_name = "DIR")]
    store: PathBuf,

    /// Read the ontology, gazetteer (*.ttl) and patterns.toml from DIR
    /// instead of the built-in ones. Files missing from DIR fall back to the
    /// built-in ones, so a folder holding only a gazetteer.ttl is enough.
    #[arg(long, global = true, value_name = "DIR")]
    ontology: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract actors and relations from articles into the store.
    ///
    /// INPUT is a text file (one article), an HTML page (.html, .htm: the
    /// main text, without menus, scripts, share buttons and comments, with
    /// its title, URL, date and outlet), a JSON Lines file (.jsonl, one
    /// article per line), a folder (those files, recursively) or `-` for
    /// stdin. Each document becomes one named graph whose IRI derives from
    /// its file name; building a document again replaces its graph in one
    /// transaction. The build is recorded as a prov:Activity that every
    /// document graph it writes points to. A summary goes to stderr.
    #[command(after_help = "Examples:
  actorgraph build --store news.db corpus/ extra/article.txt
  actorgraph build --date 2022-01-10 page.html notes.txt   dcterms:issued 2022-01-10 where the input gives no date

Set SOURCE_DATE_EPOCH (seconds since 1970) to fix the build's recorded times,
so that two builds of the same inputs give byte-identical exports.")]
    Build {
        /// Files, folders, or - for stdin.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        /// Afterwards, remove the articles of the store that are not among
        /// the inputs (by identifier), so that the store mirrors a folder.
        #[arg(long)]
        prune: bool,
        /// The publication date (dcterms:issued) of the inputs that carry
        /// none: every text file, and the JSON Lines articles and HTML pages
        /// without a date of their own.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<String>,
    },

    /// Remove articles from the store.
    ///
    /// DOC is an article's identifier (its file name, or its JSON id) or a
    /// path to the file it came from. Each article's graph is removed in one
    /// transaction; the ontology and other articles are untouched.
    #[command(after_help = "Example:
  actorgraph remove 02-panjshir-falls.txt corpus/03-taliban-cabinet.txt")]
    Remove {
        #[arg(required = true, value_name = "DOC")]
        docs: Vec<String>,
    },

    /// Run a SPARQL query over the store.
    ///
    /// QUERY is the name of a bundled query (actors, articles, evidence,
    /// facts, leaders, meetings, met-with, rejected, relation-support,
    /// roles), a path to a .rq file, or SPARQL text. The default graph is
    /// the union of all graphs, so plain triple patterns find facts; GRAPH
    /// ?doc { ... } restricts to one article.
    #[command(after_help = "Examples:
  actorgraph query leaders
  actorgraph query facts --min-confidence 0.8         only facts from the surest rules
  actorgraph query meetings                           meetings merged across articles: place, date, participants
  actorgraph query relation-support                   each relation with its articles, outlets and dates
  actorgraph query 'SELECT ?a ?b WHERE { ?a <https://w3id.org/actorgraph/ontology#metWith> ?b }'
  actorgraph query my-query.rq --format json")]
    Query {
        /// Bundled query name, .rq file, or SPARQL text.
        query: String,
        /// Output format. SELECT and ASK: table (default on a terminal), csv
        /// (default otherwise), tsv, json, xml. CONSTRUCT and DESCRIBE:
        /// turtle (default), ntriples, rdfxml.
        #[arg(long, short, value_enum)]
        format: Option<OutputFormat>,
        /// Keep only the rows whose ?confidence is at least this (0 to 1).
        /// Explicit patterns score 0.8 to 0.9, facts that needed a name,
        /// title or pronoun resolved score lower.
        #[arg(long, value_name = "X")]
        min_confidence: Option<f64>,
    },

    /// Write the whole store as RDF, or the actor network for graph tools.
    ///
    /// Turtle, N-Triples and RDF/XML hold the union of all graphs; TriG and
    /// N-Quads keep one named graph per article. graphml, gexf, cytoscape,
    /// dot and html write the actor network: actors named by the articles
    /// as nodes, one edge per relation with its number of supporting
    /// articles and its evidence sentences. The same store always gives the
    /// same bytes.
    #[command(after_help = "Examples:
  actorgraph export --format turtle -o graph.ttl
  actorgraph export --format gexf -o actors.gexf                 Gephi
  actorgraph export --format html -o actors.html                 open in a browser, no network needed
  actorgraph export --format graphml --predicates metWith --min-support 2 -o met.graphml
  actorgraph export --format cytoscape --with-articles --predicates mentions -o articles.cyjs
  actorgraph export --format html --from 2022-01-01 --to 2022-03-31 -o q1.html   articles issued in a range
  actorgraph export --format graphml --max-evidence all -o full.graphml         every evidence sentence")]
    Export {
        #[arg(long, short, value_enum, default_value = "turtle")]
        format: ExportFormat,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Graph formats: the relations to keep, comma-separated (metWith,
        /// rejected, leads; mentions with --with-articles). Default: all.
        #[arg(long, value_delimiter = ',', value_name = "NAMES")]
        predicates: Vec<String>,
        /// Graph formats: keep only relations stated by at least N articles.
        #[arg(long, value_name = "N")]
        min_support: Option<usize>,
        /// Graph formats: add the articles as nodes, with a `mentions` edge
        /// to every actor they name (with --predicates mentions: the
        /// bipartite article-actor graph).
        #[arg(long)]
        with_articles: bool,
        /// Graph formats: keep only facts with at least this confidence.
        #[arg(long, value_name = "X")]
        min_confidence: Option<f64>,
        /// Graph formats: evidence sentences per edge, the most confident
        /// first (default 3; `all` for every one). Each edge also gives the
        /// number of all its sentences, and the HTML view the command that
        /// lists them.
        #[arg(long, value_name = "N|all", value_parser = parse_max_evidence)]
        max_evidence: Option<MaxEvidence>,
        /// Graph formats: keep only the articles issued (dcterms:issued) on
        /// or after this date; undated articles are left out.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<String>,
        /// Graph formats: keep only the articles issued on or before this
        /// date; undated articles are left out.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: Option<String>,
    },

    /// Extract articles and print their quads, with no store.
    ///
    /// A stateless mapper: reads INPUT (files and folders as `build` reads
    /// them, or stdin with -) and writes the named graphs that `build` would
    /// store, each article's quads sorted as `export` sorts them, so that
    /// other tools or distributed jobs (Spark's RDD.pipe, Hadoop Streaming)
    /// can run the extraction and `actorgraph load` the result. With
    /// --input-format jsonl, stdin is one article per line, each written out
    /// before the next is read; a bad line is reported on stderr with its
    /// number and the others go on.
    #[command(after_help = "Examples:
  actorgraph extract corpus/ > corpus.nq
  actorgraph extract --format trig article.html
  cat articles.jsonl | actorgraph extract --input-format jsonl -     the mapper of a Spark or Hadoop job
  curl -s https://example.org/news/1 | actorgraph extract --input-format html -")]
    Extract {
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
        #[arg(long, short, value_enum, default_value = "nquads")]
        format: QuadFormat,
        /// What stdin (-) holds: one plain-text article, JSON Lines (one
        /// article per line: id, text and the optional title, url,
        /// published, source) or one HTML page. Files are recognized by
        /// their extension.
        #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
        input_format: InputFormat,
    },

    /// Load the quads that `extract` wrote into the store, as `build` would.
    ///
    /// SHARD is an N-Quads or TriG file written by `actorgraph extract`
    /// (.nq, .nquads, .trig), a folder of them (recursively; Spark's and
    /// Hadoop's part-NNNNN files too) or - for stdin. Besides the article
    /// graphs, the store gets what `build` adds: the ontology graph,
    /// discovered actors' spellings joined across articles, the load as a
    /// prov:Activity, and the meetings merged across articles; the result
    /// equals `build` of the same articles. Each shard is read whole and
    /// written in one transaction: a corrupt one is named with its line and
    /// leaves nothing behind, and the others load.
    #[command(after_help = "Examples:
  actorgraph load out/                                    every shard a Spark or Hadoop job wrote
  actorgraph load --store news.db shard-0001.nq shard-0002.nq
  actorgraph extract --input-format jsonl - < a.jsonl | actorgraph load -")]
    Load {
        #[arg(required = true, value_name = "SHARD")]
        shards: Vec<PathBuf>,
        /// The format of every shard, stdin included. Default: TriG for
        /// .trig files, N-Quads otherwise.
        #[arg(long, short, value_enum, value_name = "FORMAT")]
        format: Option<QuadFormat>,
    },

    /// Send the store's graphs to a triplestore (SPARQL 1.1 Graph Store
    /// HTTP Protocol).
    ///
    /// Every named graph (each article, the ontology, the merged meetings,
    /// the provenance) is sent with one PUT ...?graph=IRI, which replaces
    /// that graph on the server: pushing again changes nothing. What the
    /// server accepted is recorded in push-state.tsv in the store folder,
    /// so --changed sends only the graphs changed since the last push to
    /// that server, and a push that stopped half-way is finished by running
    /// it again. Graphs pushed before and no longer in the store (removed
    /// articles) are deleted on the server. Requests that fail with a 5xx
    /// answer or a connection error are retried with a growing wait.
    #[command(after_help = "Examples:
  actorgraph push --endpoint http://localhost:7878/store                          Oxigraph's server
  actorgraph push --endpoint http://localhost:3030/ds/sparql --graph-store /ds/data --user admin   Fuseki; password in ACTORGRAPH_PASSWORD
  actorgraph push --endpoint https://db.example.org/repo --token-env DB_TOKEN --changed

Credentials are read from environment variables and never printed.")]
    Push {
        /// The server's URL: its Graph Store endpoint, or (with
        /// --graph-store) its SPARQL endpoint.
        #[arg(long, value_name = "URL")]
        endpoint: String,
        /// The Graph Store endpoint when it is not --endpoint: a path on the
        /// same server (/ds/data) or a full URL.
        #[arg(long, value_name = "PATH|URL")]
        graph_store: Option<String>,
        /// Send only the graphs whose content changed since the last push
        /// to this server (and what a failed push left unsent).
        #[arg(long)]
        changed: bool,
        /// HTTP basic authentication as NAME; the password is read from the
        /// variable named by --password-env.
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
        /// The environment variable holding the password for --user.
        #[arg(long, value_name = "VAR", default_value = "ACTORGRAPH_PASSWORD")]
        password_env: String,
        /// Send a bearer token read from this environment variable.
        #[arg(long, value_name = "VAR", conflicts_with = "user")]
        token_env: Option<String>,
        /// Seconds one request may take, from connecting to the answer.
        #[arg(long, value_name = "SECS", default_value_t = 60.0)]
        timeout: f64,
        /// Retries of a request that failed with a 5xx answer or a
        /// connection error (waiting 1 s, then 2, 4 ...).
        #[arg(long, value_name = "N", default_value_t = 4)]
        retries: u32,
    },

    /// Draft a gazetteer for a new domain from its articles.
    ///
    /// Reads INPUT like `build` (into a temporary store; the --store is not
    /// touched) and prints, as Turtle on stdout, every actor the articles
    /// name: the gazetteer's actors that occur and the actors found by
    /// discovery (people introduced with a role, organizations named with an
    /// organization's head noun), each with its class, its name variants as
    /// skos:altLabel and the number of articles naming it (rdfs:comment),
    /// most-named first. Edit the draft, save it as gazetteer.ttl in a folder
    /// and pass that folder with --ontology.
    #[command(after_help = "Examples:
  actorgraph suggest articles/ > draft.ttl
  actorgraph --ontology my-conflict/ suggest --min-articles 2 articles/   start from a gazetteer of your own
  mkdir my-conflict && actorgraph suggest articles/ > my-conflict/gazetteer.ttl
  actorgraph --ontology my-conflict/ build articles/")]
    Suggest {
        /// Leave out actors named in fewer articles than this.
        #[arg(long, default_value_t = 1, value_name = "N")]
        min_articles: usize,
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
    },

    /// Score the extractor against gold annotations.
    ///
    /// Builds a temporary store from INPUT, reads the facts back with SPARQL
    /// and compares them with the gold TSV files (the formats of
    /// ../shared/eval: doc, subject, predicate, object, kind, note; and doc,
    /// entity), printing precision, recall and F1, and every missed and
    /// spurious fact with its sentence.
    #[command(after_help = "Example:
  actorgraph eval --gold corpus/gold.tsv --mentions corpus/mentions.tsv corpus/")]
    Eval {
        #[arg(long, value_name = "FILE")]
        gold: PathBuf,
        #[arg(long, value_name = "FILE")]
        mentions: PathBuf,
        /// Alias tables (canonical<TAB>alias|alias). Default: the gazetteer's labels.
        #[arg(long, value_name = "FILE")]
        aliases: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: EvalFormat,
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum QuadFormat {
    Nquads,
    Trig,
}

impl QuadFormat {
    fn rdf(self) -> oxigraph::io::RdfFormat {
        match self {
            QuadFormat::Nquads => oxigraph::io::RdfFormat::NQuads,
            QuadFormat::Trig => oxigraph::io::RdfFormat::TriG,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum EvalFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // A closed pipe (`actorgraph export | head`) is not an error.
        Err(e) if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("actorgraph: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `--max-evidence`: a number, or every sentence.
#[derive(Debug, Clone, Copy)]
struct MaxEvidence(Option<usize>);

fn parse_max_evidence(s: &str) -> std::result::Result<MaxEvidence, String> {
    if s == "all" {
        return Ok(MaxEvidence(None));
    }
    s.parse().map(|n| MaxEvidence(Some(n))).map_err(|_| format!("'{s}' is not a number of sentences or 'all'"))
}

fn parse_date(s: &str) -> std::result::Result<String, String> {
    if actorgraph::text::document::valid_date(s) {
        Ok(s.to_string())
    } else {
        Err(format!("'{s}' is not a date written YYYY-MM-DD (for example 2022-01-10)"))
    }
}

/// The exit status of a command that ingests documents: 2 when none was
/// ingested, 1 when some inputs were skipped, else 0.
fn exit_status(documents: usize, skipped: usize) -> ExitCode {
    if documents == 0 {
        ExitCode::from(2)
    } else if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn load_ontology(dir: &Option<PathBuf>) -> Result<Ontology> {
    match dir {
        Some(d) => Ontology::from_dir(d),
        None => Ontology::builtin(),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Remove { docs } => {
            let store = store::open_for_writing(&cli.store)?;
            let articles = store::articles(&store)?;
            let mut missing = 0;
            for d in &docs {
                let id = std::path::Path::new(d).file_name().map_or(d.clone(), |n| n.to_string_lossy().into_owned());
                match articles.iter().find(|(a, _)| *a == *d || *a == id) {
                    Some((a, g)) => {
                        store::remove_graph(&store, g.as_ref())?;
                        eprintln!("actorgraph: removed {a}");
                    }
                    None => {
                        eprintln!("actorgraph: {d}: no such article in {}", cli.store.display());
                        missing += 1;
                    }
                }
            }
            // Events are derived from the articles: recomputed only when one went.
            if missing < docs.len() {
                actorgraph::events::meetings::refresh(&store)?;
            }
            store.flush()?;
            Ok(if missing == 0 {
                ExitCode::SUCCESS
            } else if missing < docs.len() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            })
        }
        Command::Build { inputs, prune, date } => {
            let options = ingest::Options { date, ..ingest::Options::from_env()? };
            let ontology = load_ontology(&cli.ontology)?;
            let store = store::open_for_writing(&cli.store)?;
            let summary = ingest::build_with_options(&store, &ontology, &inputs, &options)?;
            if prune {
                // Files that could not be read still count as present (their
                // file name is their identifier); a bad line of a JSON Lines
                // file names no identifier.
                let skipped: std::collections::BTreeSet<String> = summary
                    .errors
                    .iter()
                    .filter(|e| e.line.is_none())
                    .filter_map(|e| e.path.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .collect();
                let mut pruned = 0;
                for (id, g) in store::articles(&store)? {
                    if !summary.identifiers.contains(&id) && !skipped.contains(&id) {
                        store::remove_graph(&store, g.as_ref())?;
                        pruned += 1;
                    }
                }
                if pruned > 0 {
                    actorgraph::events::meetings::refresh(&store)?;
                }
                store.flush()?;
                eprintln!("actorgraph: pruned {pruned} article(s) no longer among the inputs");
            }
            for n in &summary.notes {
                eprintln!("actorgraph: note: {n}");
            }
            for e in &summary.errors {
                eprintln!("actorgraph: skipped {e}");
            }
            eprintln!(
                "actorgraph: built {} document{} into {}: {} entities, {} facts, {} quads in {:.2}s{}",
                summary.documents,
                if summary.documents == 1 { "" } else { "s" },
                cli.store.display(),
                summary.entities,
                summary.facts,
                summary.quads,
                summary.elapsed.as_secs_f64(),
                if summary.errors.is_empty() { String::new() } else { format!("; {} input(s) skipped", summary.errors.len()) }
            );
            Ok(exit_status(summary.documents, summary.errors.len()))
        }
        Command::Load { shards, format } => {
            let options = ingest::Options::from_env()?;
            let ontology = load_ontology(&cli.ontology)?;
            let store = store::open_for_writing(&cli.store)?;
            let summary = load::load(&store, &ontology, &shards, format.map(QuadFormat::rdf), &options)?;
            for e in &summary.errors {
                eprintln!("actorgraph: skipped {e}");
            }
            eprintln!(
                "actorgraph: loaded {} document{} from {} shard{} into {}: {} quads in {:.2}s{}",
                summary.documents,
                if summary.documents == 1 { "" } else { "s" },
                summary.shards,
                if summary.shards == 1 { "" } else { "s" },
                cli.store.display(),
                summary.quads,
                summary.elapsed.as_secs_f64(),
                if summary.errors.is_empty() { String::new() } else { format!("; {} skipped", summary.errors.len()) }
            );
            Ok(exit_status(summary.documents, summary.errors.len()))
        }
        Command::Push { endpoint, graph_store, changed, user, password_env, token_env, timeout, retries } => {
            let secret = |var: &str, what: &str| -> Result<String> {
                std::env::var(var).map_err(|_| anyhow::anyhow!("{what}: set the environment variable {var}"))
            };
            let auth = match (user, token_env) {
                (Some(user), _) => Some(push::Auth::Basic { password: secret(&password_env, &format!("--user {user}"))?, user }),
                (None, Some(var)) => Some(push::Auth::Bearer(secret(&var, "--token-env")?)),
                (None, None) => None,
            };
            if !(timeout > 0.0 && timeout.is_finite()) {
                anyhow::bail!("--timeout {timeout}: give a number of seconds above 0");
            }
            let target = push::Target {
                graph_store: push::graph_store_url(&endpoint, graph_store.as_deref())?,
                auth,
                timeout: std::time::Duration::from_secs_f64(timeout),
                retries,
                backoff: std::time::Duration::from_secs(1),
            };
            let store = store::open_for_reading(&cli.store)?;
            let summary = push::push(&store, &push::state_path(&cli.store), &target, changed, &mut |m| eprintln!("actorgraph: {m}"))?;
            eprintln!(
                "actorgraph: pushed {} graph{} ({} triples, {:.1} MB) to {} in {:.2}s{}{}",
                summary.sent,
                if summary.sent == 1 { "" } else { "s" },
                summary.triples,
                summary.bytes as f64 / 1e6,
                push::redact(&target.graph_store),
                summary.elapsed.as_secs_f64(),
                if summary.unchanged > 0 {
                    format!("; {} unchanged since the last push, not sent", summary.unchanged)
                } else {
                    String::new()
                },
                if summary.deleted > 0 { format!("; {} no longer in the store, deleted", summary.deleted) } else { String::new() },
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Query { query: q, format, min_confidence } => {
            let sparql = query::resolve_query(&q)?;
            let store = store::open_for_reading(&cli.store)?;
            let stdout = std::io::stdout();
            let terminal = stdout.is_terminal();
            let mut out = BufWriter::new(stdout.lock());
            query::run_filtered(&store, &sparql, format, terminal, min_confidence, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, output, predicates, min_support, with_articles, min_confidence, max_evidence, from, to } => {
            let graph = format.graph();
            if graph.is_none()
                && (!predicates.is_empty()
                    || min_support.is_some()
                    || with_articles
                    || min_confidence.is_some()
                    || max_evidence.is_some()
                    || from.is_some()
                    || to.is_some())
            {
                anyhow::bail!(
                    "--predicates, --min-support, --min-confidence, --with-articles, --max-evidence, --from and --to are for the graph formats (graphml, gexf, cytoscape, dot, html)"
                );
            }
            if let (Some(f), Some(t)) = (&from, &to) {
                if f > t {
                    anyhow::bail!("--from {f} is after --to {t}: no article can be in that range");
                }
            }
            let options = actorgraph::output::visual::Options {
                predicates,
                min_support: min_support.unwrap_or(1),
                with_articles,
                min_confidence: min_confidence.unwrap_or(0.0),
                max_evidence: max_evidence.map_or(Some(actorgraph::output::visual::DEFAULT_MAX_EVIDENCE), |m| m.0),
                from,
                to,
                store_path: Some(cli.store.display().to_string()),
            };
            let store = store::open_for_reading(&cli.store)?;
            let write = |w: &mut dyn Write| -> Result<String> {
                Ok(match graph {
                    Some(g) => {
                        let (nodes, edges) = actorgraph::output::visual::write(&store, g, &options, w)?;
                        format!("{nodes} nodes and {edges} edges")
                    }
                    None => format!("{} statements", export::export(&store, format, &mut *w)?),
                })
            };
            // Write to a file only once the network has been read, so that
            // a mistake (an unknown predicate) leaves no empty file.
            let what = match &output {
                Some(path) => {
                    let mut buf = Vec::new();
                    let what = write(&mut buf)?;
                    std::fs::write(path, &buf).with_context(|| format!("{}: cannot write", path.display()))?;
                    what
                }
                None => {
                    let mut w = BufWriter::new(std::io::stdout().lock());
                    let what = write(&mut w)?;
                    w.flush()?;
                    what
                }
            };
            if let Some(path) = output {
                eprintln!("actorgraph: wrote {what} to {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { inputs, format, input_format } => {
            let ontology = load_ontology(&cli.ontology)?;
            let mapper = mapper::Mapper::new(&ontology, format.rdf());
            let mut out = BufWriter::new(std::io::stdout().lock());
            let outcome = mapper.run(&inputs, input_format, &mut out, &mut |e| eprintln!("actorgraph: skipped {e}"))?;
            out.flush()?;
            Ok(if outcome.documents == 0 {
                ExitCode::from(2)
            } else if outcome.skipped == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Suggest { min_articles, inputs } => {
            let ontology = load_ontology(&cli.ontology)?;
            let (actors, summary) = suggest::suggest(&ontology, &inputs, min_articles)?;
            for e in &summary.errors {
                eprintln!("actorgraph: skipped {e}");
            }
            if summary.documents == 0 {
                eprintln!("actorgraph: no article could be read; nothing to suggest");
                return Ok(ExitCode::from(2));
            }
            let mut out = BufWriter::new(std::io::stdout().lock());
            out.write_all(suggest::to_turtle(&actors, summary.documents).as_bytes())?;
            out.flush()?;
            eprintln!(
                "actorgraph: {} actors ({} discovered) from {} articles",
                actors.len(),
                actors.iter().filter(|a| a.discovered).count(),
                summary.documents
            );
            Ok(if summary.errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Eval { gold, mentions, aliases, format, inputs } => {
            let ontology = load_ontology(&cli.ontology)?;
            let report = eval::evaluate(&ontology, &inputs, &gold, &mentions, &aliases)?;
            match format {
                EvalFormat::Text => print!("{}", report.to_text()),
                EvalFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
