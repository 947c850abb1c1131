//! kill -9 under load: every change whose answer reached its client survives with its history
//! event, no refused change is there, the database is sound and every secret opens.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::{credentials, hub_args, verify, DataFolder, Random, Session};
use crate::hub::Hub;
use crate::load::Connection;

const WORKERS: usize = 8;
const UPDATES_PER_REQUEST: usize = 3;

/// What the hub answered to one change.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Outcome {
    Acknowledged,
    Refused(u16),
    /// No answer: the hub was killed while it ran.
    Unknown,
}

/// A request as the API shows it, in the parts the drill changes.
#[derive(Clone, PartialEq, Eq, Debug)]
struct State {
    version: i64,
    client_id: String,
    status: String,
}

/// One request a worker submitted and changed, with the outcome of each change.
struct Story {
    alias: String,
    id: Option<String>,
    /// The state each change leads to, and its outcome.
    changes: Vec<(State, Outcome)>,
}

impl Story {
    /// The states the request may be in after a crash: after the last acknowledged change, or
    /// after the change in flight at the kill, if it directly followed.
    fn acceptable(&self) -> Vec<State> {
        let mut current: Option<State> = None;
        let mut acceptable = Vec::new();
        for (state, outcome) in &self.changes {
            match outcome {
                Outcome::Acknowledged => current = Some(state.clone()),
                Outcome::Refused(_) => {}
                Outcome::Unknown => acceptable.push(state.clone()),
            }
        }
        acceptable.extend(current);
        acceptable
    }

    fn count(&self, wanted: fn(&Outcome) -> bool) -> usize {
        self.changes.iter().filter(|(_, outcome)| wanted(outcome)).count()
    }
}

#[derive(Default)]
struct Totals {
    acknowledged: usize,
    unknown: usize,
    refused: usize,
    lost: usize,
    wrong: usize,
    kept_though_refused: usize,
    without_event: usize,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.acknowledged += other.acknowledged;
        self.unknown += other.unknown;
        self.refused += other.refused;
        self.lost += other.lost;
        self.wrong += other.wrong;
        self.kept_though_refused += other.kept_though_refused;
        self.without_event += other.without_event;
    }

    fn faults(&self) -> String {
        format!(
            "lost {}, other than told {}, refused but kept {}, history not matching {}",
            self.lost, self.wrong, self.kept_though_refused, self.without_event
        )
    }
}

pub fn run(binary: &Path, rounds: usize) -> Result<(), String> {
    let mut random = Random::from_clock();
    println!("\n==> drill: kill -9 under load ({rounds} rounds, {WORKERS} clients; seed {})", random.seed());
    let data = DataFolder::new("crash")?;
    let log = data.0.join("hub.log");
    let mut totals = Totals::default();
    for round in 1..=rounds {
        let hub = Hub::start_quietly(binary, &hub_args(&data.database(), &["--seed", "demo", "--dev-login"]), Some(&log))?;
        let host = hub.host().to_owned();
        let registrar = Session::sign_in(&host, "alice")?;
        let admin = Session::sign_in(&host, "carol")?;
        let stop = AtomicBool::new(false);
        let kill_after = Duration::from_millis(random.between(150..1500));
        let stories: Vec<Story> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..WORKERS)
                .map(|worker| {
                    let (host, registrar, admin, stop) = (&host, &registrar, &admin, &stop);
                    scope.spawn(move || work(host, registrar, admin, stop, round, worker))
                })
                .collect();
            std::thread::sleep(kill_after);
            let killed = hub.kill();
            stop.store(true, Ordering::Relaxed);
            let stories = workers.into_iter().flat_map(|worker| worker.join().expect("a drill client")).collect();
            killed.map(|()| stories)
        })?;

        let sound = verify(binary, &data.database()).map_err(|error| format!("round {round}: {error}"))?;
        let hub = Hub::start_quietly(binary, &hub_args(&data.database(), &["--dev-login"]), Some(&log))
            .map_err(|error| format!("round {round}: the hub does not start after the kill: {error}"))?;
        let reader = Session::sign_in(hub.host(), "carol")?;
        let mut connection = Connection::open(hub.host())?;
        let mut round_totals = Totals::default();
        for story in &stories {
            check(&mut connection, &reader, story, &mut round_totals)?;
        }
        drop(hub);
        println!(
            "round {round:>2}: killed after {:>4} ms; {:>3} changes acknowledged, {} in flight, {} refused; {}; {sound}",
            kill_after.as_millis(),
            round_totals.acknowledged,
            round_totals.unknown,
            round_totals.refused,
            round_totals.faults()
        );
        totals.add(&round_totals);
    }
    println!(
        "kill -9 drill: {rounds} rounds, {} changes acknowledged, {} in flight at a kill, {} refused; {}",
        totals.acknowledged,
        totals.unknown,
        totals.refused,
        totals.faults()
    );
    if totals.lost + totals.wrong + totals.kept_though_refused + totals.without_event > 0 {
        return Err("the kill -9 drill found lost or wrongly kept changes".into());
    }
    Ok(())
}

/// One client: submits requests of its own, replaces their credentials, has them rejected, until
/// the hub stops answering.
fn work(host: &str, registrar: &Session, admin: &Session, stop: &AtomicBool, round: usize, worker: usize) -> Vec<Story> {
    let mut stories = Vec::new();
    let Ok(mut connection) = Connection::open(host) else { return stories };
    for n in 0.. {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let alias = format!("drill-r{round:02}-w{worker}-n{n:04}");
        let portal = format!("https://{alias}.cfapps.eu10.hana.ondemand.com");
        let client_id = |step: usize| format!("sb-drill{round:02}{worker}{n:04}{step}!b6077|api-portal-xsuaa!b2160");
        let mut story = Story { alias: alias.clone(), id: None, changes: Vec::new() };
        let submission = serde_json::json!({ "apiPortalAlias": alias, "credentials": credentials(&portal, &client_id(0)) }).to_string();
        let submitted = connection.send("POST", "/api/1.0/connectionRequests", &registrar.change_headers(None), submission.as_bytes());
        let mut state = State { version: 1, client_id: client_id(0), status: "SUBMITTED".into() };
        let outcome = outcome_of(&submitted, 201);
        story.changes.push((state.clone(), outcome));
        if let Ok(response) = &submitted {
            let created: serde_json::Value = serde_json::from_slice(&response.body).unwrap_or_default();
            story.id = created["id"].as_str().map(str::to_owned);
        }
        let mut alive = outcome != Outcome::Unknown;
        for step in 1..=UPDATES_PER_REQUEST {
            let (true, Some(id)) = (alive && outcome == Outcome::Acknowledged, story.id.clone()) else { break };
            let body = credentials(&portal, &client_id(step)).to_string();
            let if_match = format!("\"{}\"", state.version);
            let path = format!("/api/1.0/connectionRequests/{id}/credentials");
            let answer = connection.send("PUT", &path, &registrar.change_headers(Some(&if_match)), body.as_bytes());
            let next = State { version: state.version + 1, client_id: client_id(step), status: state.status.clone() };
            let update = outcome_of(&answer, 200);
            story.changes.push((next.clone(), update));
            match update {
                Outcome::Acknowledged => state = next,
                Outcome::Refused(_) => {}
                Outcome::Unknown => alive = false,
            }
        }
        if let (true, Some(id)) = (alive && outcome == Outcome::Acknowledged, story.id.clone()) {
            let path = format!("/api/1.0/connectionRequests/{id}/reject");
            let answer = connection.send("POST", &path, &admin.change_headers(None), br#"{"reason":"drill"}"#);
            let next = State { version: state.version + 1, client_id: state.client_id.clone(), status: "REJECTED".into() };
            let decision = outcome_of(&answer, 200);
            story.changes.push((next, decision));
            alive = decision != Outcome::Unknown;
        }
        stories.push(story);
        if !alive {
            break;
        }
    }
    stories
}

/// Whether `actions` (oldest first) record exactly the changes that led to `state`: the
/// submission, one replacement per version after it, and the rejection if it is rejected.
fn history_matches(actions: &[&str], state: &State) -> bool {
    let rejected = state.status == "REJECTED";
    let replacements = usize::try_from(state.version).unwrap_or(0).saturating_sub(1 + usize::from(rejected));
    let mut expected = vec!["SUBMITTED"];
    expected.extend(std::iter::repeat_n("CREDENTIALS_REPLACED", replacements));
    if rejected {
        expected.push("REJECTED");
    }
    actions == expected.as_slice()
}

fn outcome_of(answer: &Result<crate::load::Response, String>, success: u16) -> Outcome {
    match answer {
        Ok(response) if response.status == success => Outcome::Acknowledged,
        Ok(response) => Outcome::Refused(response.status),
        Err(_) => Outcome::Unknown,
    }
}

/// Compares what the restarted hub shows of `story` with what its client was told.
fn check(connection: &mut Connection, reader: &Session, story: &Story, totals: &mut Totals) -> Result<(), String> {
    totals.acknowledged += story.count(|outcome| *outcome == Outcome::Acknowledged);
    totals.unknown += story.count(|outcome| *outcome == Outcome::Unknown);
    totals.refused += story.count(|outcome| matches!(outcome, Outcome::Refused(_)));
    let path = format!("/api/1.0/connectionRequests?search={}&top=10", story.alias);
    let page = connection.send("GET", &path, &[("Cookie", &reader.cookie)], b"")?;
    let page: serde_json::Value = serde_json::from_slice(&page.body).map_err(|error| error.to_string())?;
    let found = page["results"].as_array().into_iter().flatten().find(|request| request["apiPortalAlias"] == story.alias.as_str());
    let acceptable = story.acceptable();
    let submission = story.changes.first().map(|(_, outcome)| *outcome);
    match found {
        None if submission == Some(Outcome::Acknowledged) => {
            totals.lost += 1;
            println!("  lost: {} (expected one of {acceptable:?})", story.alias);
        }
        None => {}
        Some(_) if matches!(submission, Some(Outcome::Refused(_))) => {
            totals.kept_though_refused += 1;
            println!("  kept though refused: {}", story.alias);
        }
        Some(request) => {
            let shown = State {
                version: request["version"].as_i64().unwrap_or_default(),
                client_id: request["credentials"]["clientId"].as_str().unwrap_or_default().to_owned(),
                status: request["status"].as_str().unwrap_or_default().to_owned(),
            };
            if !acceptable.contains(&shown) {
                totals.wrong += 1;
                println!("  {}: shows {shown:?}, but its client was told one of {acceptable:?}", story.alias);
            }
            // Each change is on record with its own event, written in the same transaction.
            let id = request["id"].as_str().unwrap_or_default();
            let history = connection.send("GET", &format!("/api/1.0/connectionRequests/{id}/history"), &[("Cookie", &reader.cookie)], b"")?;
            let history: serde_json::Value = serde_json::from_slice(&history.body).map_err(|error| error.to_string())?;
            let actions: Vec<&str> = history["results"].as_array().into_iter().flatten().rev().filter_map(|event| event["action"].as_str()).collect();
            if !history_matches(&actions, &shown) {
                totals.without_event += 1;
                println!("  {}: history {actions:?} does not match {shown:?}", story.alias);
            }
        }
    }
    Ok(())
}
