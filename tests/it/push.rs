//! `push` to a triplestore: Oxigraph's own server (`oxigraph serve`, PyPI
//! package `oxigraph`) for what lands on a real server, including a push
//! cut by the server's death; a few lines of HTTP in the test for what a
//! server must receive (credentials, retries after a 5xx).

use crate::support::{bin, corpus_articles, ok, root, run};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn have_oxigraph() -> bool {
    let runs = Command::new("oxigraph").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    if !runs {
        if std::env::var_os("CI").is_some() {
            panic!("the oxigraph server (pip install oxigraph) is missing, and CI is set");
        }
        eprintln!("notice: the oxigraph server (pip install oxigraph) not found; skipping a push test");
    }
    runs
}

/// `oxigraph serve` on a free loopback port; killed when dropped.
struct Server {
    child: Child,
    bind: String,
}

impl Server {
    fn start(location: &Path) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        Server::start_on(location, format!("127.0.0.1:{port}"))
    }

    fn start_on(location: &Path, bind: String) -> Server {
        let child = Command::new("oxigraph")
            .args(["serve", "--location", location.to_str().unwrap(), "--bind", &bind])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut server = Server { child, bind };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(&server.bind).is_err() {
            assert!(server.child.try_wait().unwrap().is_none(), "oxigraph serve exited");
            assert!(Instant::now() < deadline, "oxigraph did not listen on {}", server.bind);
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn store_url(&self) -> String {
        format!("http://{}/store", self.bind)
    }

    /// The triples of one graph on the server, as sorted N-Triples lines.
    fn graph(&self, iri: &str) -> BTreeSet<String> {
        let url = format!("{}?graph={}", self.store_url(), iri.replace('%', "%25").replace('#', "%23"));
        let mut response = ureq::get(&url).header("Accept", "application/n-triples").call().unwrap();
        response.body_mut().read_to_string().unwrap().lines().map(str::to_string).collect()
    }

    /// The named graphs on the server.
    fn graphs(&self) -> BTreeSet<String> {
        let q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
        let mut response = ureq::post(format!("http://{}/query", self.bind))
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "text/tab-separated-values")
            .send(q)
            .unwrap();
        let tsv = response.body_mut().read_to_string().unwrap();
        tsv.lines().skip(1).map(|l| l.trim_start_matches('<').trim_end_matches('>').to_string()).collect()
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The store's graphs and their triples, as N-Triples lines.
fn store_graphs(store: &Path) -> Vec<(String, BTreeSet<String>)> {
    let s = oxigraph::store::Store::open_read_only(store).unwrap();
    let mut out = Vec::new();
    for g in s.named_graphs() {
        let oxigraph::model::NamedOrBlankNode::NamedNode(g) = g.unwrap() else { continue };
        let triples = s
            .quads_for_pattern(None, None, None, Some(oxigraph::model::GraphNameRef::NamedNode(g.as_ref())))
            .map(|q| format!("{} .", oxigraph::model::Triple::from(q.unwrap())))
            .collect();
        out.push((g.as_str().to_string(), triples));
    }
    out.sort();
    out
}

/// Every graph of the store is on the server with the same triples, and the
/// server has no other graph.
fn assert_server_equals_store(server: &Server, store: &Path) {
    let graphs = store_graphs(store);
    assert!(graphs.iter().any(|(g, _)| g.ends_with("graph/ontology")) && graphs.iter().any(|(g, _)| g.ends_with("graph/events")));
    for (g, triples) in &graphs {
        assert_eq!(&server.graph(g), triples, "graph {g} differs on the server");
    }
    let on_server = server.graphs();
    assert_eq!(on_server, graphs.iter().map(|(g, _)| g.clone()).collect::<BTreeSet<_>>());
}

fn push(store: &Path, url: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["push", "--store", store.to_str().unwrap(), "--endpoint", url];
    args.extend_from_slice(extra);
    run(&args)
}

/// A store of `copies` times the sample articles, each under its own id.
fn store_of(dir: &Path, copies: usize) -> PathBuf {
    let mut lines = String::new();
    let files = corpus_articles();
    for c in 0..copies {
        for f in &files {
            let id = format!("{c}-{}", f.file_name().unwrap().to_str().unwrap());
            lines.push_str(
                &serde_json::json!({"id": id, "text": std::fs::read_to_string(f).unwrap(), "published": "2022-01-12"}).to_string(),
            );
            lines.push('\n');
        }
    }
    let input = dir.join("articles.jsonl");
    std::fs::write(&input, lines).unwrap();
    let store = dir.join("db");
    ok(&["build", "--store", store.to_str().unwrap(), input.to_str().unwrap()]);
    store
}

#[test]
fn push_puts_every_graph_and_pushing_again_changes_nothing() {
    if !have_oxigraph() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let store = store_of(dir.path(), 1);
    let server = Server::start(&dir.path().join("server"));
    let out = push(&store, &server.store_url(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let graphs = store_graphs(&store).len();
    assert!(stderr(&out).contains(&format!("pushed {graphs} graphs")), "{}", stderr(&out));
    assert_server_equals_store(&server, &store);
    // A second push replaces each graph by itself: nothing changes.
    let out = push(&store, &server.store_url(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_server_equals_store(&server, &store);
    // With --changed nothing is sent at all.
    let out = push(&store, &server.store_url(), &["--changed"]);
    assert!(stderr(&out).contains(&format!("pushed 0 graphs (0 triples, 0.0 MB) to {}", server.store_url())), "{}", stderr(&out));
    assert!(stderr(&out).contains(&format!("{graphs} unchanged since the last push")), "{}", stderr(&out));
    // An article removed from the store: --changed sends what changed (the
    // merged meetings, the provenance) and deletes it on the server.
    ok(&["remove", "--store", store.to_str().unwrap(), "0-01-tehran-talks.txt"]);
    let out = push(&store, &server.store_url(), &["--changed"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 no longer in the store, deleted"), "{}", stderr(&out));
    assert_server_equals_store(&server, &store);
}

#[test]
fn a_push_cut_by_the_servers_death_is_finished_by_the_next() {
    if !have_oxigraph() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // Enough graphs that the push is still going when the server dies.
    let store = store_of(dir.path(), 40);
    let total = store_graphs(&store).len();
    let location = dir.path().join("server");
    let mut server = Server::start(&location);
    let mut pushing = Command::new(bin())
        .args(["push", "--store", store.to_str().unwrap(), "--endpoint", &server.store_url(), "--retries", "0", "--timeout", "10"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Kill the server once the push record shows a few graphs accepted.
    let record = store.join("push-state.tsv");
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::read_to_string(&record).map_or(0, |r| r.lines().count()) < 5 {
        assert!(Instant::now() < deadline, "the push sent nothing");
        std::thread::sleep(Duration::from_millis(2));
    }
    server.kill();
    let mut err = String::new();
    pushing.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    let status = pushing.wait().unwrap();
    assert_eq!(status.code(), Some(2), "the push finished before the server died ({total} graphs); it should have failed: {err}");
    assert!(err.contains("push stopped at graph") && err.contains("run the same command again to finish"), "{err}");
    // The server comes back (same data); pushing again finishes the job,
    // sending only what the first push did not.
    let bind = server.bind.clone();
    drop(server);
    let server = Server::start_on(&location, bind);
    let out = push(&store, &server.store_url(), &["--changed"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("unchanged since the last push"), "{}", stderr(&out));
    assert_server_equals_store(&server, &store);
}

/// One HTTP exchange seen by the test server.
struct Seen {
    request_line: String,
    authorization: Option<String>,
}

/// Answers the first request with 503 and the others with 204, recording
/// what it received; stops after `n` requests.
fn flaky_server(n: usize) -> (String, std::thread::JoinHandle<Vec<Seen>>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/gsp", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for (i, stream) in listener.incoming().take(n).enumerate() {
            let mut stream = stream.unwrap();
            stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            let (mut authorization, mut length) = (None, 0usize);
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                if h.trim().is_empty() {
                    break;
                }
                let (k, v) = h.split_once(':').unwrap();
                match k.to_ascii_lowercase().as_str() {
                    "authorization" => authorization = Some(v.trim().to_string()),
                    "content-length" => length = v.trim().parse().unwrap(),
                    _ => {}
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let status = if i == 0 { "503 Service Unavailable" } else { "204 No Content" };
            write!(stream, "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").unwrap();
            seen.push(Seen { request_line: request_line.trim().to_string(), authorization });
        }
        seen
    });
    (url, handle)
}

#[test]
fn credentials_are_sent_never_shown_and_a_5xx_is_retried() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    ok(&["build", "--store", store.to_str().unwrap(), root().join("corpus/01-tehran-talks.txt").to_str().unwrap()]);
    let graphs = store_graphs(&store).len();
    let secret = "s3cret-Pa55";
    // Basic: user from the option, password from the environment.
    let (url, server) = flaky_server(graphs + 1);
    let out = Command::new(bin())
        .args(["push", "--store", store.to_str().unwrap(), "--endpoint", &url, "--user", "alice", "--retries", "2"])
        .env("ACTORGRAPH_PASSWORD", secret)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("the server answered 503") && err.contains("trying again"), "{err}");
    assert!(!err.contains(secret), "the password was printed: {err}");
    let seen = server.join().unwrap();
    assert_eq!(seen.len(), graphs + 1, "one PUT per graph, and one retry");
    assert_eq!(seen[0].request_line, seen[1].request_line, "the failed request was sent again");
    assert!(seen.iter().all(|s| s.request_line.starts_with("PUT /gsp?graph=https%3A%2F%2Fw3id.org%2Factorgraph%2F")));
    // base64("alice:s3cret-Pa55")
    assert!(seen.iter().all(|s| s.authorization.as_deref() == Some("Basic YWxpY2U6czNjcmV0LVBhNTU=")));
    // Bearer: the token from the variable that --token-env names.
    let (url, server) = flaky_server(graphs + 1);
    let out = Command::new(bin())
        .args(["push", "--store", store.to_str().unwrap(), "--endpoint", &url, "--token-env", "MY_TOKEN", "--retries", "1"])
        .env("MY_TOKEN", secret)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains(secret));
    assert!(server.join().unwrap().iter().all(|s| s.authorization.as_deref() == Some(&format!("Bearer {secret}"))));
    // A missing variable is an error that names it, before anything is sent.
    let out = Command::new(bin())
        .args(["push", "--store", store.to_str().unwrap(), "--endpoint", "http://127.0.0.1:9/x", "--user", "alice"])
        .env_remove("ACTORGRAPH_PASSWORD")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("set the environment variable ACTORGRAPH_PASSWORD"), "{}", stderr(&out));
}
