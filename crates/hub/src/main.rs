use std::io::IsTerminal;
use std::time::Duration;

use tracing_subscriber::EnvFilter;

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let config = hub::Config::from_command_line();
    let outcome = match config.command {
        Some(hub::Command::RotateKey) => rotate_key(&config),
        Some(hub::Command::Verify) => verify(&config),
        None => serve(config),
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hub: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn rotate_key(config: &hub::Config) -> Result<(), Box<dyn std::error::Error>> {
    let resealed = hub::rotate_key(config)?;
    println!("re-sealed {resealed} secrets under a new key in {}", config.secret_key_path().display());
    Ok(())
}

fn verify(config: &hub::Config) -> Result<(), Box<dyn std::error::Error>> {
    let found = hub::verify(config)?;
    println!("integrity: {}", found.integrity.join("; "));
    println!("secrets: {} stored, {} do not open with the key", found.secrets_stored, found.secrets_unopenable.len());
    for id in &found.secrets_unopenable {
        println!("  does not open: {id}");
    }
    if found.is_sound() {
        Ok(())
    } else {
        Err("the database is not sound".into())
    }
}

fn serve(config: hub::Config) -> Result<(), Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let outcome = runtime.block_on(run(config));
    // Whatever still runs after the shutdown deadline (a database call waiting for a lock) is
    // not waited for; SQLite's journal undoes an unfinished transaction at the next start.
    runtime.shutdown_timeout(Duration::from_millis(200));
    outcome
}

async fn run(config: hub::Config) -> Result<(), Box<dyn std::error::Error>> {
    let app = hub::app(&config)?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", config.addr))?;
    let database = std::path::absolute(&config.db).unwrap_or(config.db.clone());
    println!("database: {}", database.display());
    // Printed last, and flushed: the task runner waits for this line to learn the port.
    println!("listening on http://{}", listener.local_addr()?);
    hub::serve(listener, app, &config.connections, shutdown_signal()).await;
    println!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
