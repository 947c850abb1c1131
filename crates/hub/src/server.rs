//! Accepting connections: HTTP/1.1 with a deadline for each request's headers, a closed door
//! for connections that move no byte or live too long, a bound on connections held at once
//! (within the process's limit of open files), and a shutdown that lets requests in flight
//! finish, within a deadline.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::{Instant, Sleep};
use tower::ServiceExt;

use crate::config::ConnectionLimits;

/// Serves `app` on `listener` until `shutdown` resolves; then stops accepting, lets the
/// requests in flight finish and returns, at the latest after the shutdown deadline.
pub async fn serve(listener: TcpListener, app: Router, limits: &ConnectionLimits, shutdown: impl Future<Output = ()>) {
    let permits = Arc::new(Semaphore::new(connection_budget(limits)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    // hyper starts this timer whenever it waits for a request: also between keep-alive requests.
    http.timer(TokioTimer::new()).header_read_timeout(limits.header());
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&permits).acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, or a connection reset before it was accepted:
                    // wait a moment instead of spinning.
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = app.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            router.clone().oneshot(request.map(Body::new))
        });
        let connection = http.serve_connection(TokioIo::new(IdleTimeout::new(stream, limits.idle())), service);
        let connection = graceful.watch(connection);
        let lifetime = limits.lifetime();
        tokio::spawn(async move {
            match tokio::time::timeout(lifetime, connection).await {
                Ok(Ok(())) => {}
                Ok(Err(error)) => tracing::debug!(%error, %peer, "connection ended"),
                Err(_) => tracing::info!(%peer, "closed a connection open longer than its lifetime"),
            }
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown()) => {
            tracing::warn!(deadline_seconds = limits.shutdown_seconds, "requests still open at the shutdown deadline are cut off");
        }
    }
}

/// File descriptors kept for the database, the key and the app's files.
const RESERVED_FILES: u64 = 128;

/// How many connections may be open at once: the configured limit, within what the process
/// may open (raising its soft limit of open files to the hard one first).
fn connection_budget(limits: &ConnectionLimits) -> usize {
    let wanted = limits.max_connections;
    let budget = match open_files_limit() {
        Some(files) if files < wanted + RESERVED_FILES => {
            let budget = files.saturating_sub(RESERVED_FILES).max(1);
            tracing::warn!(wanted, budget, files, "the process may not open enough files for --max-connections; serving fewer at once");
            budget
        }
        _ => wanted,
    };
    usize::try_from(budget).unwrap_or(usize::MAX)
}

/// Raises the soft limit of open files to the hard limit; the limit now in force.
#[cfg(unix)]
fn open_files_limit() -> Option<u64> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    Some(limit.rlim_cur)
}

#[cfg(not(unix))]
fn open_files_limit() -> Option<u64> {
    None
}

/// A stream that fails once no byte has moved in either direction for `idle`.
struct IdleTimeout<S> {
    stream: S,
    idle: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl<S> IdleTimeout<S> {
    fn new(stream: S, idle: Duration) -> Self {
        Self { stream, idle, deadline: Box::pin(tokio::time::sleep(idle)) }
    }

    fn moved(&mut self) {
        self.deadline.as_mut().reset(Instant::now() + self.idle);
    }

    /// The outcome of a write, noting progress.
    fn wrote(&mut self, result: Poll<io::Result<usize>>, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        match result {
            Poll::Ready(result) => {
                if matches!(result, Ok(written) if written > 0) {
                    self.moved();
                }
                Poll::Ready(result)
            }
            Poll::Pending => self.pending_or_expired(cx),
        }
    }

    /// Called when the stream has nothing to give: an error if the deadline has passed, else
    /// pending (with the deadline's timer registered to wake the task).
    fn pending_or_expired<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, "no byte moved before the idle timeout"))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for IdleTimeout<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.stream).poll_read(cx, buf) {
            Poll::Ready(result) => {
                if buf.filled().len() > before {
                    self.moved();
                }
                Poll::Ready(result)
            }
            Poll::Pending => self.pending_or_expired(cx),
        }
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for IdleTimeout<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.stream).poll_write(cx, buf);
        self.wrote(result, cx)
    }

    fn poll_write_vectored(mut self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[io::IoSlice<'_>]) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        self.wrote(result, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.stream).poll_flush(cx) {
            Poll::Pending => self.pending_or_expired(cx),
            ready => ready,
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    #[tokio::test]
    async fn a_stream_that_moves_no_byte_fails_after_the_idle_time() {
        let (near, mut far) = tokio::io::duplex(64);
        let mut stream = IdleTimeout::new(near, Duration::from_millis(200));
        far.write_all(b"ping").await.unwrap();
        let mut buffer = [0; 4];
        stream.read_exact(&mut buffer).await.unwrap();
        let started = Instant::now();
        let error = stream.read(&mut buffer).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(150));
    }

    #[tokio::test]
    async fn a_writer_whose_reader_stops_reading_fails_after_the_idle_time() {
        let (near, _far) = tokio::io::duplex(16);
        let mut stream = IdleTimeout::new(near, Duration::from_millis(200));
        let error = stream.write_all(&[0; 1024]).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
    }
}
