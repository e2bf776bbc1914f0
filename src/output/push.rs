//! `push`: the store's named graphs to a triplestore that speaks the SPARQL
//! 1.1 Graph Store HTTP Protocol, one `PUT ...?graph=IRI` per graph.
//!
//! A `PUT` replaces the graph on the server, so pushing twice changes
//! nothing. What each push sent is recorded beside the store
//! (`push-state.tsv`: target, graph, hash of the graph's content), one line
//! appended after each graph the server accepted; so `--changed` sends only
//! the graphs whose content differs from what this target last accepted,
//! and a push that stopped half-way (the server died) is completed by the
//! next. Graphs recorded as sent but no longer in the store (a `remove`d
//! article) are deleted on the server.
//!
//! Credentials come from environment variables and are never printed: a
//! URL is shown without its user information, and errors carry the status
//! and the server's words, never the request's headers.

use anyhow::{anyhow, bail, Context, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Triple};
use oxigraph::store::Store;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How to reach the server.
pub struct Target {
    /// The Graph Store URL that takes `?graph=IRI`.
    pub graph_store: String,
    pub auth: Option<Auth>,
    /// For one request, from connecting to the end of the response.
    pub timeout: Duration,
    /// Attempts after the first, on a 5xx answer or a connection error.
    pub retries: u32,
    /// The wait before the first retry; it doubles for each next one.
    pub backoff: Duration,
}

/// Credentials: sent as an `Authorization` header, never shown.
pub enum Auth {
    Basic { user: String, password: String },
    Bearer(String),
}

/// What a push did.
#[derive(Debug, Default)]
pub struct Summary {
    /// Graphs sent (`PUT`).
    pub sent: usize,
    pub triples: usize,
    pub bytes: usize,
    /// Graphs not sent: the target already has their content.
    pub unchanged: usize,
    /// Graphs deleted on the server: recorded as sent, no longer in the store.
    pub deleted: usize,
    pub elapsed: Duration,
}

/// The Graph Store URL: `graph_store` when given (a full URL, or a path
/// that replaces the endpoint's path), else the endpoint itself.
///
/// ```
/// use actorgraph::output::push::graph_store_url;
/// assert_eq!(graph_store_url("http://h:3030/ds/sparql", Some("/ds/data")).unwrap(), "http://h:3030/ds/data");
/// assert_eq!(graph_store_url("http://h:7878/store", None).unwrap(), "http://h:7878/store");
/// assert_eq!(graph_store_url("http://h:8890/sparql", Some("https://h/crud")).unwrap(), "https://h/crud");
/// ```
pub fn graph_store_url(endpoint: &str, graph_store: Option<&str>) -> Result<String> {
    let (scheme, rest) =
        endpoint.split_once("://").ok_or_else(|| anyhow!("--endpoint {}: not an http:// or https:// URL", redact(endpoint)))?;
    if !matches!(scheme, "http" | "https") {
        bail!("--endpoint {}: not an http:// or https:// URL", redact(endpoint));
    }
    match graph_store {
        None => Ok(endpoint.to_string()),
        Some(g) if g.starts_with("http://") || g.starts_with("https://") => Ok(g.to_string()),
        Some(g) if g.starts_with('/') => {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
            Ok(format!("{scheme}://{authority}{g}"))
        }
        Some(g) => bail!("--graph-store {g}: give a path starting with / or a full http(s) URL"),
    }
}

/// A URL without its user information (`http://user:secret@host` →
/// `http://host`), for messages.
///
/// ```
/// assert_eq!(actorgraph::output::push::redact("https://u:pw@h:1/x?y"), "https://h:1/x?y");
/// ```
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// `base?graph=IRI`, the IRI percent-encoded.
fn graph_url(base: &str, iri: &str) -> String {
    let mut url = String::from(base);
    url.push(if base.contains('?') { '&' } else { '?' });
    url.push_str("graph=");
    for b in iri.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Where a store's push record lives.
pub fn state_path(store_dir: &Path) -> PathBuf {
    store_dir.join("push-state.tsv")
}

/// What each target last accepted: (target, graph) → hash; `-` for deleted.
struct State {
    path: PathBuf,
    sent: BTreeMap<(String, String), String>,
    file: Option<std::fs::File>,
}

impl State {
    fn read(path: &Path) -> Result<State> {
        let mut sent = BTreeMap::new();
        match std::fs::read_to_string(path) {
            Ok(text) => {
                for line in text.lines() {
                    // A line cut short by a kill is ignored: its graph is sent again.
                    let mut cols = line.split('\t');
                    if let (Some(t), Some(g), Some(h), None) = (cols.next(), cols.next(), cols.next(), cols.next()) {
                        if h.len() == 64 || h == "-" {
                            sent.insert((t.to_string(), g.to_string()), h.to_string());
                        }
                    }
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("{}: cannot read the push record", path.display())),
        }
        Ok(State { path: path.to_path_buf(), sent, file: None })
    }

    fn get(&self, target: &str, graph: &str) -> Option<&str> {
        self.sent.get(&(target.to_string(), graph.to_string())).map(String::as_str).filter(|h| *h != "-")
    }

    /// Records that `target` now holds `hash` for `graph`, on disk at once.
    fn record(&mut self, target: &str, graph: &str, hash: &str) -> Result<()> {
        if self.file.is_none() {
            let f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .with_context(|| format!("{}: cannot write the push record", self.path.display()))?;
            self.file = Some(f);
        }
        if let Some(f) = &mut self.file {
            // The line ends with its newline in one write, so a kill leaves
            // whole lines (or a last partial one, which `read` ignores).
            f.write_all(format!("{target}\t{graph}\t{hash}\n").as_bytes())?;
        }
        self.sent.insert((target.to_string(), graph.to_string()), hash.to_string());
        Ok(())
    }

    /// Rewrites the record with one line per (target, graph).
    fn compact(&mut self) -> Result<()> {
        self.file = None;
        let mut text = String::new();
        for ((t, g), h) in &self.sent {
            if h != "-" {
                text.push_str(&format!("{t}\t{g}\t{h}\n"));
            }
        }
        let tmp = self.path.with_extension("tsv.tmp");
        std::fs::write(&tmp, text)
            .and_then(|_| std::fs::rename(&tmp, &self.path))
            .with_context(|| format!("{}: cannot write", self.path.display()))
    }
}

/// One graph, as sent: N-Triples, sorted, and the hash of those bytes.
struct Payload {
    body: Vec<u8>,
    triples: usize,
    hash: String,
}

fn payload(store: &Store, graph: &oxigraph::model::NamedNode) -> Result<Payload> {
    let mut triples: Vec<(String, Triple)> = Vec::new();
    for q in store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
        let t: Triple = q?.into();
        triples.push((t.to_string(), t));
    }
    triples.sort_by(|a, b| a.0.cmp(&b.0));
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for (_, t) in &triples {
        w.serialize_triple(t)?;
    }
    let body = w.finish()?;
    let hash = Sha256::digest(&body).iter().map(|b| format!("{b:02x}")).collect();
    Ok(Payload { body, triples: triples.len(), hash })
}

/// Sends the store's named graphs to `target`; with `changed_only`, only
/// those whose content differs from what the target last accepted. `log`
/// gets one line per retry. On failure, the graphs sent so far stay
/// recorded, and the error says how far the push went.
pub fn push(store: &Store, state: &Path, target: &Target, changed_only: bool, log: &mut dyn FnMut(&str)) -> Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut state = State::read(state)?;
    let client = Client::new(target);
    let key = redact(&target.graph_store);
    let mut graphs = Vec::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(g) = g? {
            graphs.push(g);
        }
    }
    graphs.sort();
    let total = graphs.len();
    for (i, g) in graphs.iter().enumerate() {
        let p = payload(store, g)?;
        if changed_only && state.get(&key, g.as_str()) == Some(p.hash.as_str()) {
            summary.unchanged += 1;
            continue;
        }
        client.send("PUT", &graph_url(&target.graph_store, g.as_str()), Some(&p.body), log).map_err(|e| {
            let next = if e.retry { "run the same command again to finish" } else { "fix the cause, then run the command again" };
            anyhow!(
                "push stopped at graph {} of {total} ({}): {}. The {} graph(s) sent before are recorded in {}; {next} (with --changed, only what is missing or changed is sent)",
                i + 1,
                g.as_str(),
                e.message,
                summary.sent,
                state.path.display()
            )
        })?;
        state.record(&key, g.as_str(), &p.hash)?;
        summary.sent += 1;
        summary.triples += p.triples;
        summary.bytes += p.body.len();
    }
    // Graphs this target holds from an earlier push that the store no longer has.
    let present: std::collections::BTreeSet<&str> = graphs.iter().map(|g| g.as_str()).collect();
    let stale: Vec<String> = state
        .sent
        .iter()
        .filter(|((t, g), h)| *t == key && *h != "-" && !present.contains(g.as_str()))
        .map(|((_, g), _)| g.clone())
        .collect();
    for g in stale {
        client
            .send("DELETE", &graph_url(&target.graph_store, &g), None, log)
            .map_err(|e| anyhow!("push sent every graph, then could not delete {g} (no longer in the store): {}", e.message))?;
        state.record(&key, &g, "-")?;
        summary.deleted += 1;
    }
    state.compact()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

struct Client<'a> {
    agent: ureq::Agent,
    target: &'a Target,
    authorization: Option<String>,
}

/// Why a request failed, and whether trying again may help.
struct Failure {
    message: String,
    retry: bool,
}

impl<'a> Client<'a> {
    fn new(target: &'a Target) -> Client<'a> {
        use base64::Engine;
        let config = ureq::Agent::config_builder().timeout_global(Some(target.timeout)).http_status_as_error(false).build();
        let authorization = target.auth.as_ref().map(|a| match a {
            Auth::Basic { user, password } => {
                format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
            }
            Auth::Bearer(token) => format!("Bearer {token}"),
        });
        Client { agent: config.into(), target, authorization }
    }

    /// One request, tried again on a 5xx answer or a connection error,
    /// waiting `backoff`, then twice as long each time.
    fn send(&self, method: &str, url: &str, body: Option<&[u8]>, log: &mut dyn FnMut(&str)) -> std::result::Result<(), Failure> {
        let mut wait = self.target.backoff;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.once(method, url, body) {
                Ok(()) => return Ok(()),
                Err(f) if f.retry && attempt <= self.target.retries => {
                    log(&format!(
                        "{method} {}: {}; trying again in {:.1}s ({attempt} of {} retries)",
                        redact(url),
                        f.message,
                        wait.as_secs_f64(),
                        self.target.retries
                    ));
                    std::thread::sleep(wait);
                    wait = (wait * 2).min(Duration::from_secs(60));
                }
                Err(f) => {
                    let tries = if attempt > 1 { format!(" (after {attempt} attempts)") } else { String::new() };
                    return Err(Failure { message: format!("{method} {}: {}{tries}", redact(url), f.message), retry: f.retry });
                }
            }
        }
    }

    fn once(&self, method: &str, url: &str, body: Option<&[u8]>) -> std::result::Result<(), Failure> {
        let result = match (method, body) {
            ("PUT", Some(body)) => {
                let mut r = self.agent.put(url).header("Content-Type", "application/n-triples");
                if let Some(a) = &self.authorization {
                    r = r.header("Authorization", a);
                }
                r.send(body)
            }
            _ => {
                let mut r = self.agent.delete(url);
                if let Some(a) = &self.authorization {
                    r = r.header("Authorization", a);
                }
                r.call()
            }
        };
        match result {
            Ok(mut response) => {
                let status = response.status().as_u16();
                // Deleting what the server no longer has is done too.
                if (200..300).contains(&status) || (method == "DELETE" && status == 404) {
                    return Ok(());
                }
                let text = response.body_mut().with_config().limit(4096).read_to_string().unwrap_or_default();
                let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(300).collect();
                let hint = match status {
                    401 | 403 => " (check --user and the password variable, or --token-env)",
                    404 | 405 => " (is this the Graph Store URL? see --graph-store)",
                    _ => "",
                };
                Err(Failure { message: format!("the server answered {status}{hint}: {text}"), retry: status >= 500 })
            }
            Err(e) => {
                let retry =
                    matches!(e, ureq::Error::Io(_) | ureq::Error::ConnectionFailed | ureq::Error::Timeout(_) | ureq::Error::Protocol(_));
                Err(Failure { message: e.to_string(), retry })
            }
        }
    }
}
