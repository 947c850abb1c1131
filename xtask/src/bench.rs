//! `cargo xtask bench`: benchmark figures, printed.

use std::path::{Path, PathBuf};

use std::process::Command;
use std::sync::Mutex;

use crate::build::{self, dist_folder, Profile};
use crate::hub::with_throwaway_hub;
use crate::load::{measure, Connection};
use crate::process::run as run_command;
use crate::wasm_bytes::{self, kib};
use crate::setup;
use crate::workspace_root;

/// The parts of the benchmark, by the name that picks them on the command line.
pub const PARTS: &[&str] = &["sizes", "engine", "hub", "browser", "peers"];

/// Runs the benchmark parts named in `parts` (all of them when none is named).
pub fn run(parts: &[String]) -> Result<(), String> {
    if let Some(unknown) = parts.iter().find(|part| !PARTS.contains(&part.as_str())) {
        return Err(format!("unknown benchmark part '{unknown}'; the parts are {}", PARTS.join(", ")));
    }
    let wanted = |part: &str| parts.is_empty() || parts.iter().any(|named| named == part);
    let peers = wanted("peers").then(peers_folder).flatten();
    if wanted("peers") && peers.is_none() {
        println!("\n==> beside the hand-written page: skipped, {} has no measure.mjs (set PEERS_DIR)", peers_folder_path().display());
    }
    if wanted("sizes") || wanted("browser") || peers.is_some() {
        let tools = setup::build_tools()?;
        setup::browser_tools()?;
        build::app_release(&tools, &build::hub(Profile::Server)?)?;
        if wanted("sizes") {
            bundle_sizes(&dist_folder())?;
            let (named, breakdown) = wasm_bytes::release_breakdown(&tools)?;
            wasm_bytes::print(&breakdown, shipped_wasm(&dist_folder()).as_deref());
            match crate::code_split::read_first_functions() {
                Some((functions, first)) if functions == breakdown.functions => {
                    wasm_bytes::print_first(&breakdown, &wasm_bytes::breakdown_of(&named, &|index| first.contains(&index))?);
                }
                _ => println!("(the first module's code by crate: the named copy does not match the last split)"),
            }
        }
    }
    if wanted("engine") {
        credentials_engine()?;
    }
    if wanted("hub") {
        hub_load()?;
        test_connection_overhead()?;
    }
    if wanted("browser") {
        setup::browser_tools()?;
        table_load_in_browser()?;
    }
    if let Some(peers) = peers {
        setup::browser_tools()?;
        beside_the_hand_written_page(&peers)?;
    }
    Ok(())
}

/// Where the hand-written page and its measuring script are: `PEERS_DIR`, else `../shared/peers`
/// beside the workspace.
fn peers_folder_path() -> PathBuf {
    std::env::var_os("PEERS_DIR").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("../shared/peers"))
}

/// The peers folder, if it has the measuring script.
fn peers_folder() -> Option<PathBuf> {
    Some(peers_folder_path()).filter(|folder| folder.join("measure.mjs").is_file())
}

/// Our app beside the same screen written by hand (`measure.mjs` of the peers folder, as its
/// README says): two hubs of the server build on one database, the demo data, 10 runs of each
/// page interleaved, our app first in each round, then the hand-written page first; then the
/// same on a slow device and network; where the time to the first row goes
/// (`e2e/bench/start-phases.mjs`); what comes between the first row and an interactive page
/// (`e2e/bench/first-row-frame.mjs`); and where the slow device's Edit → dialog goes, phase by phase
/// (`e2e/bench/edit-phases.mjs`), clicked as measure.mjs clicks and with the press held as a
/// hand holds it. Every run is kept in `target/peers/` (`unthrottled-*.json`,
/// `throttled-*.json`); the targets are judged from the runs of both orders together
/// (`speed_targets` says why).
fn beside_the_hand_written_page(peers: &Path) -> Result<(), String> {
    let binary = build::hub(Profile::Server)?;
    let chromium = crate::process::find_on_path("chromium").ok_or("chromium is not on PATH")?;
    // The peers folder may be read-only: the script and the page are copied, and the script
    // uses the end-to-end suite's playwright-core (the version its package.json names).
    let work = tempfile::tempdir().map_err(|error| format!("cannot create a temporary folder: {error}"))?;
    copy_folder(&peers.join("vanilla"), &work.path().join("vanilla"))?;
    std::fs::copy(peers.join("measure.mjs"), work.path().join("measure.mjs")).map_err(|error| format!("cannot copy measure.mjs: {error}"))?;
    std::os::unix::fs::symlink(workspace_root().join("e2e/node_modules"), work.path().join("node_modules"))
        .map_err(|error| format!("cannot link node_modules: {error}"))?;
    let results = workspace_root().join("target/peers");
    std::fs::create_dir_all(&results).map_err(|error| format!("cannot create {}: {error}", results.display()))?;
    println!("\n==> beside the hand-written page ({}): our app's first load, first row and Edit, in both orders", peers.display());
    with_throwaway_hub(&binary, "peers", &crate::hub::app_with_demo_data(), |ours| {
        let database = crate::hub::throwaway_folder("peers").join("hub.sqlite3");
        let args: Vec<String> = ["--addr", "127.0.0.1:0", "--dev-login", "--db", &database.display().to_string()]
            .into_iter()
            .chain(["--static-dir", &work.path().join("vanilla").display().to_string()])
            .map(str::to_owned)
            .collect();
        let vanilla = crate::hub::Hub::start_quietly(&binary, &args, Some(&work.path().join("vanilla-hub.log")))?;
        for (condition, throttled) in [("unthrottled", false), ("throttled", true)] {
            let slow = if throttled { ", CPU 4x slower, 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up" } else { "" };
            for (order, pages) in PAGE_ORDERS {
                println!("\n{} first in each round{slow}:", if pages[0] == "ours" { "our app" } else { "the hand-written page" });
                let mut command = Command::new("node");
                command.arg("measure.mjs");
                for page in pages {
                    command.arg(format!("{page}={}/", if page == "ours" { &ours.url } else { &vanilla.url }));
                }
                command
                    .args(["--login", "alice", "--ignore-marks", "--runs", &RUNS_PER_ORDER.to_string(), "--chromium"])
                    .arg(&chromium)
                    .arg("--out")
                    .arg(results.join(format!("{condition}-{order}.json")))
                    .current_dir(work.path());
                if throttled {
                    command.args(["--cpu", "4", "--net", "150,1600,750"]);
                }
                run_command(&mut command)?;
            }
        }
        // A browser benchmark of the end-to-end suite's, on both pages.
        let side_by_side = |script: &str| {
            let mut command = Command::new("node");
            command
                .arg(script)
                .env("PAGES", format!("ours={}/,hand-written={}/", ours.url, vanilla.url))
                .env("CHROMIUM_PATH", &chromium)
                .current_dir(workspace_root().join("e2e"));
            command
        };
        // Where the time to the first row goes.
        println!();
        run_command(&mut side_by_side("bench/start-phases.mjs"))?;
        // What makes measure.mjs's interactive later than the first row.
        println!();
        run_command(&mut side_by_side("bench/first-row-frame.mjs"))?;
        // Where the slow device's Edit → dialog goes, phase by phase: clicked as measure.mjs
        // clicks (no time between press and release), then as a hand clicks.
        for hold in ["0", "100"] {
            println!();
            run_command(side_by_side("bench/edit-phases.mjs").env("HOLD", hold))?;
        }
        Ok(())
    })?;
    let read = |condition: &str| -> Result<Vec<serde_json::Value>, String> {
        PAGE_ORDERS
            .iter()
            .map(|(order, _)| {
                let path = results.join(format!("{condition}-{order}.json"));
                let text = std::fs::read_to_string(&path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
                serde_json::from_str(&text).map_err(|error| format!("{} is not JSON: {error}", path.display()))
            })
            .collect()
    };
    let unthrottled = read("unthrottled")?;
    let first_load = build::first_load_brotli(&dist_folder())? as f64 / 1024.0;
    let verdicts = crate::speed_targets::judge(first_load, &unthrottled, &read("throttled")?)?;
    println!(
        "\ntargets beside the hand-written page (medians of the {} runs of each page in both orders; ratios are ours / hand-written,",
        RUNS_PER_ORDER * PAGE_ORDERS.len()
    );
    println!("then in brackets each order's own: our app first / the hand-written page first; and the range of the ratio in nine");
    println!("of ten resamplings of the runs, a bootstrap: a limit within it is a coin toss, whatever the verdict):");
    for line in crate::speed_targets::lines(&verdicts) {
        println!("  {line}");
    }
    if let Some(settled) = unthrottled[0]["medians"]["ours"]["staticBrotli"].as_f64() {
        println!("  (measure.mjs's static bytes until the page settled, the rest of the code included: {settled:.1} KiB brotli)");
    }
    Ok(())
}

/// How many times measure.mjs loads each page in each order (after its warm-up).
const RUNS_PER_ORDER: usize = 10;

/// The two orders of the pages in measure.mjs's rounds, each named for its output file.
const PAGE_ORDERS: [(&str, [&str; 2]); 2] = [("ours-first", ["ours", "vanilla"]), ("hand-written-first", ["vanilla", "ours"])];

/// Copies the files of `from` (one level, as the hand-written page is) into a new folder `to`.
fn copy_folder(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|error| format!("cannot create {}: {error}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|error| format!("cannot read {}: {error}", from.display()))?;
    for entry in entries.flatten() {
        if entry.file_type().is_ok_and(|kind| kind.is_file()) {
            std::fs::copy(entry.path(), to.join(entry.file_name())).map_err(|error| format!("cannot copy {}: {error}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Time to a usable table in headless Chromium, with the demo data and with 10,000 requests;
/// the dialog's feedback and the WebAssembly compiled while a user waits (demo data) and a
/// search's filtered page (10,000 requests).
fn table_load_in_browser() -> Result<(), String> {
    let binary = build::hub(Profile::Server)?;
    let chromium = crate::process::find_on_path("chromium").ok_or("chromium is not on PATH")?;
    println!("\n==> the app in headless Chromium: time to a usable table; paste and typing to feedback; wasm compiled while the user waits; a search to its page (release build, hub on loopback)");
    for (label, seed) in [("demo data (14 requests)", "demo"), ("10,000 requests", "bench")] {
        let args: Vec<String> =
            ["--seed", seed, "--dev-login", "--static-dir"].into_iter().map(str::to_owned).chain([dist_folder().display().to_string()]).collect();
        // The dialog benchmark edits a request of the demo data set; searches are timed in the large one.
        let scripts: &[&str] = if seed == "demo" {
            &["bench/table-load.mjs", "bench/dialog-feedback.mjs", "bench/lazy-compile.mjs"]
        } else {
            &["bench/table-load.mjs", "bench/search-typing.mjs"]
        };
        with_throwaway_hub(&binary, &format!("browser-{seed}"), &args, |hub| {
            scripts.iter().try_for_each(|script| {
                run_command(
                    Command::new("node")
                        .arg(script)
                        .env("HUB_URL", &hub.url)
                        .env("CHROMIUM_PATH", &chromium)
                        .env("BENCH_LABEL", label)
                        .env("RUNS", "10")
                        .current_dir(workspace_root().join("e2e")),
                )
            })
        })?;
    }
    Ok(())
}

const LOAD_WORKERS: usize = 4;

/// Loopback load on a hub (server build) with 10,000 requests: list pages with search and
/// sort, and credential updates with If-Match.
fn hub_load() -> Result<(), String> {
    let binary = build::hub(Profile::Server)?;
    let args = ["--seed", "bench", "--dev-login"].map(str::to_owned);
    with_throwaway_hub(&binary, "load", &args, |hub| run_load(hub.url.trim_start_matches("http://")))
}

fn run_load(host: &str) -> Result<(), String> {
    let mut setup = Connection::open(host)?;
    let login = setup.send("POST", "/api/1.0/session", &[("Content-Type", "application/json")], br#"{"user":"alice"}"#)?;
    let cookie = login.header("set-cookie").and_then(|value| value.split(';').next()).ok_or("no session cookie")?.to_owned();
    let user = setup.send("GET", "/api/1.0/user", &[("Cookie", &cookie), ("X-CSRF-Token", "Fetch")], b"")?;
    let token = user.header("x-csrf-token").ok_or("no CSRF token")?.to_owned();
    let connections: Vec<Mutex<Connection>> =
        (0..LOAD_WORKERS).map(|_| Connection::open(host).map(Mutex::new)).collect::<Result<_, _>>()?;

    println!("\nhub under load on loopback ({LOAD_WORKERS} keep-alive connections, 10,000 requests stored):");
    let queries: Vec<String> = (0..20)
        .map(|page| match page % 3 {
            0 => format!("/api/1.0/connectionRequests?search=portal&orderby=apiPortalAlias%20asc&top=50&skip={}", page * 450),
            1 => format!("/api/1.0/connectionRequests?status=SUBMITTED,PENDING_APPROVAL&search=eu10&orderby=updatedAt%20desc&top=50&skip={}", page * 50),
            _ => format!("/api/1.0/connectionRequests?search=becker&orderby=requestedBy%20desc&top=50&skip={}", page * 100),
        })
        .collect();
    let list = |worker: usize, index: usize| {
        let mut connection = connections[worker].lock().expect("one thread per connection");
        let query = &queries[(worker * 7 + index) % queries.len()];
        connection.send("GET", query, &[("Cookie", &cookie)], b"").is_ok_and(|response| response.status == 200)
    };
    // Latency as one user sees it, then throughput with several clients at once (which on two
    // cores, shared with this load generator, adds queueing to every latency).
    measure("list: page of 50, search + sort; 1 connection", 1, 1000, list).print();
    measure(&format!("list: page of 50, search + sort; {LOAD_WORKERS} connections"), LOAD_WORKERS, 500, list).print();
    // The 20 searches above repeat (as paging and reloads do), so the hub's readers answer their
    // counts from what they kept; here every search is new, and counted.
    let new_search = |worker: usize, index: usize| {
        let mut connection = connections[worker].lock().expect("one thread per connection");
        let query = format!("/api/1.0/connectionRequests?search=portal%200{:04}&orderby=apiPortalAlias%20asc&top=50", (worker * 500 + index) % 10_000);
        connection.send("GET", &query, &[("Cookie", &cookie)], b"").is_ok_and(|response| response.status == 200)
    };
    measure(&format!("list: a search never made before; {LOAD_WORKERS} connections"), LOAD_WORKERS, 500, new_search).print();

    // Each worker updates its own requests of alice's, following their versions. (A connection
    // of its own: the hub closes one left idle longer than its header timeout.)
    let page = Connection::open(host)?.send("GET", "/api/1.0/connectionRequests?status=SUBMITTED&search=Andersen&top=500", &[("Cookie", &cookie)], b"")?;
    let page: serde_json::Value = serde_json::from_slice(&page.body).map_err(|error| error.to_string())?;
    let targets: Vec<(String, String, Mutex<i64>)> = page["results"]
        .as_array()
        .ok_or("no results")?
        .iter()
        .filter(|request| request["requestedBy"]["id"] == "alice")
        .map(|request| {
            let text = |key: &str| request[key].as_str().unwrap_or_default().to_owned();
            (text("id"), text("apiPortalUrl"), Mutex::new(request["version"].as_i64().unwrap_or(0)))
        })
        .collect();
    let per_worker = targets.len() / LOAD_WORKERS;
    if per_worker == 0 {
        return Err("no requests of alice's to update".into());
    }
    let update = |worker: usize, index: usize| {
        let (id, portal, version) = &targets[worker * per_worker + index % per_worker];
        let mut version = version.lock().expect("one thread per request");
        let body = serde_json::json!({
            "url": portal,
            "tokenUrl": "https://acme.authentication.eu10.hana.ondemand.com/oauth/token",
            "clientId": format!("sb-apiaccess{index:013}!b6077|api-portal-xsuaa!b2160"),
            "clientSecret": format!("0f3a9c1e-5b7d-4c2a-9e8f-{index:012}$Zx9_Ab-Cd="),
        })
        .to_string();
        let if_match = format!("\"{version}\"");
        let mut connection = connections[worker].lock().expect("one thread per connection");
        let headers = [("Cookie", cookie.as_str()), ("X-CSRF-Token", token.as_str()), ("If-Match", if_match.as_str()), ("Content-Type", "application/json")];
        match connection.send("PUT", &format!("/api/1.0/connectionRequests/{id}/credentials"), &headers, body.as_bytes()) {
            Ok(response) if response.status == 200 => {
                *version += 1;
                true
            }
            _ => false,
        }
    };
    measure("update credentials: PUT with If-Match; 1 connection", 1, 250, update).print();
    measure(&format!("update credentials: PUT with If-Match; {LOAD_WORKERS} connections"), LOAD_WORKERS, 250, update).print();

    // The request the bench data set gives 1,000 events (the hub's seed, "Load Portal 00014 br10").
    let page = Connection::open(host)?.send("GET", "/api/1.0/connectionRequests?search=load%20portal%2000016%20", &[("Cookie", &cookie)], b"")?;
    let page: serde_json::Value = serde_json::from_slice(&page.body).map_err(|error| error.to_string())?;
    let id = page["results"][0]["id"].as_str().ok_or("no request with a long history")?.to_owned();
    let path = format!("/api/1.0/connectionRequests/{id}/history");
    // Checked once, outside the timing: the measured loop only reads the answers.
    let events = Connection::open(host)?.send("GET", &path, &[("Cookie", &cookie)], b"")?;
    let events: serde_json::Value = serde_json::from_slice(&events.body).map_err(|error| error.to_string())?;
    let count = events["results"].as_array().map_or(0, Vec::len);
    if count != 1000 {
        return Err(format!("the long history has {count} events, not 1,000"));
    }
    let history = |worker: usize, _: usize| {
        let mut connection = connections[worker].lock().expect("one thread per connection");
        connection.send("GET", &path, &[("Cookie", &cookie)], b"").is_ok_and(|response| response.status == 200 && !response.body.is_empty())
    };
    measure("history of a request with 1,000 events; 1 connection", 1, 200, history).print();
    measure(&format!("history of a request with 1,000 events; {LOAD_WORKERS} connections"), LOAD_WORKERS, 100, history).print();
    Ok(())
}

/// The hub's own cost of "Test Connection", against a local TLS token endpoint (a benchmark
/// kept among the hub's tests, where that endpoint lives).
fn test_connection_overhead() -> Result<(), String> {
    println!("\n==> Test Connection: the hub's overhead over a direct token request");
    run_command(
        Command::new("cargo")
            .args(["test", "--profile", "server", "--package", "hub", "--test", "connection_test_bench", "--", "--ignored", "--nocapture"])
            .current_dir(workspace_root()),
    )
}

/// The credentials crate's criterion benchmark: a typical paste and the 64 KiB worst cases.
fn credentials_engine() -> Result<(), String> {
    println!("\n==> credentials engine (criterion; the middle figure of `time` is the median)");
    run_command(Command::new("cargo").args(["bench", "--package", "credentials", "--bench", "analyze"]).current_dir(workspace_root()))
}

/// Prints each file of the release build with its raw, gzip and brotli size, and the totals.
fn bundle_sizes(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, &mut files).map_err(|error| format!("cannot read {}: {error}", dist.display()))?;
    files.sort();
    println!("\nrelease build sizes ({}):", dist.display());
    println!("{:<52} {:>10} {:>10} {:>10}", "file", "raw", "gzip -9", "brotli 11");
    // Each file compressed once; the totals below add up these sizes.
    let mut sizes: Vec<(&PathBuf, [usize; 3])> = Vec::with_capacity(files.len());
    for file in &files {
        let bytes = std::fs::read(file).map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        let size = [bytes.len(), build::gzip_9(&bytes).len(), build::brotli_11(&bytes).len()];
        let name = file.strip_prefix(dist).unwrap_or(file).display().to_string();
        println!("{name:<52} {:>10} {:>10} {:>10}", kib(size[0]), kib(size[1]), kib(size[2]));
        sizes.push((file, size));
    }
    let sum = |wanted: &dyn Fn(&Path) -> bool| {
        sizes.iter().filter(|(file, _)| wanted(file)).fold([0usize; 3], |mut total, (_, size)| {
            total.iter_mut().zip(size).for_each(|(total, size)| *total += size);
            total
        })
    };
    let totals = sum(&|_| true);
    println!("{:<52} {:>10} {:>10} {:>10}", "total", kib(totals[0]), kib(totals[1]), kib(totals[2]));

    // What a browser fetches before the app shows anything.
    let first_load = |file: &Path| build::is_first_load(dist, file);
    // German users also load the app's German texts before the first page (not the findings', which come after it).
    let german_texts = dist.join(build::GERMAN_TEXTS);
    let english = sum(&first_load);
    let german = sum(&|file| first_load(file) || file == german_texts);
    println!("\nfirst load (index.html and what it links: js, wasm, css, icon):");
    println!("{:<52} {:>10} {:>10} {:>10}", "English", kib(english[0]), kib(english[1]), kib(english[2]));
    println!("{:<52} {:>10} {:>10} {:>10}", "German (the same and i18n/de.json)", kib(german[0]), kib(german[1]), kib(german[2]));
    build::check_german_stays_out_of_the_first_load(dist)
}

/// The app's wasm in the release build (the first part, where it is split).
fn shipped_wasm(dist: &Path) -> Option<PathBuf> {
    crate::code_split::only_file(dist, "_bg.wasm").ok().map(|name| dist.join(name))
}

/// The files of the build, without the compressed copies written beside them.
fn collect_files(folder: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else if !path.extension().is_some_and(|extension| extension == "br" || extension == "gz") {
            files.push(path);
        }
    }
    Ok(())
}
