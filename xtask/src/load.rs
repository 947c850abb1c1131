//! A small HTTP/1.1 load generator for the hub's benchmark: keep-alive connections on loopback,
//! one thread each, a bounded number of requests, latencies recorded one by one.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// One HTTP/1.1 connection that stays open between requests.
pub struct Connection {
    reader: BufReader<TcpStream>,
    host: String,
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }
}

impl Connection {
    /// Connects to `host` (`127.0.0.1:PORT`).
    pub fn open(host: &str) -> Result<Self, String> {
        let stream = TcpStream::connect(host).map_err(|error| format!("cannot connect to {host}: {error}"))?;
        stream.set_nodelay(true).map_err(|error| error.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(10))).map_err(|error| error.to_string())?;
        Ok(Self { reader: BufReader::new(stream), host: host.to_owned() })
    }

    /// Sends one request and reads its whole response.
    pub fn send(&mut self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Result<Response, String> {
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n", self.host, body.len());
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        let stream = self.reader.get_mut();
        stream.write_all(request.as_bytes()).and_then(|()| stream.write_all(body)).map_err(|error| error.to_string())?;
        self.read_response()
    }

    fn read_response(&mut self) -> Result<Response, String> {
        let mut line = String::new();
        self.reader.read_line(&mut line).map_err(|error| error.to_string())?;
        let status = line.split_whitespace().nth(1).and_then(|code| code.parse().ok()).ok_or_else(|| format!("bad status line {line:?}"))?;
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line).map_err(|error| error.to_string())?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        let response = Response { status, headers, body: Vec::new() };
        let length: usize = response.header("content-length").and_then(|value| value.parse().ok()).unwrap_or(0);
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).map_err(|error| error.to_string())?;
        Ok(Response { body, ..response })
    }
}

/// Latencies of one phase, and what they sum up to.
pub struct Measurement {
    pub name: String,
    pub latencies: Vec<Duration>,
    pub failures: usize,
    pub elapsed: Duration,
}

impl Measurement {
    /// The latency below which `fraction` of the requests were answered, in milliseconds.
    pub fn percentile(&mut self, fraction: f64) -> f64 {
        self.latencies.sort();
        let index = ((self.latencies.len() as f64 - 1.0) * fraction).round() as usize;
        self.latencies.get(index).map_or(0.0, |latency| latency.as_secs_f64() * 1000.0)
    }

    pub fn print(&mut self) {
        let (median, p99) = (self.percentile(0.5), self.percentile(0.99));
        println!(
            "{:<58} {:>7} requests {:>8.0}/s   median {:>6.2} ms   p99 {:>6.2} ms   failures {}",
            self.name,
            self.latencies.len(),
            self.latencies.len() as f64 / self.elapsed.as_secs_f64(),
            median,
            p99,
            self.failures
        );
    }
}

/// Runs `work` on `workers` threads at once, each `requests` times, and times every call.
/// `work(worker, index)` returns whether the request succeeded.
pub fn measure<F>(name: &str, workers: usize, requests: usize, work: F) -> Measurement
where
    F: Fn(usize, usize) -> bool + Sync,
{
    let started = Instant::now();
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                let work = &work;
                scope.spawn(move || {
                    let mut latencies = Vec::with_capacity(requests);
                    let mut failures = 0;
                    for index in 0..requests {
                        let start = Instant::now();
                        if !work(worker, index) {
                            failures += 1;
                        }
                        latencies.push(start.elapsed());
                    }
                    (latencies, failures)
                })
            })
            .collect();
        handles.into_iter().map(|handle| handle.join().expect("a load worker")).collect()
    });
    let elapsed = started.elapsed();
    let failures = results.iter().map(|(_, failures)| failures).sum();
    let latencies = results.into_iter().flat_map(|(latencies, _)| latencies).collect();
    Measurement { name: name.to_owned(), latencies, failures, elapsed }
}
