//! At most so many tests a minute per user: a test makes the hub call out, so nobody may make
//! it call out without end.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A sliding window of the last minute per user.
pub struct RateLimit {
    per_minute: usize,
    calls: Mutex<HashMap<String, VecDeque<Instant>>>,
}

const WINDOW: Duration = Duration::from_secs(60);

impl RateLimit {
    pub fn per_minute(per_minute: usize) -> Self {
        Self { per_minute, calls: Mutex::new(HashMap::new()) }
    }

    /// Counts a call of `user` at `now`; when the user has used up the minute, the call is not
    /// counted and the answer is how long until one is free again.
    pub fn take(&self, user: &str, now: Instant) -> Result<(), Duration> {
        let mut calls = self.calls.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Forget whoever has not called for a minute, so that the map stays small.
        calls.retain(|_, times| times.back().is_some_and(|last| now.duration_since(*last) < WINDOW));
        let times = calls.entry(user.to_owned()).or_default();
        while times.front().is_some_and(|first| now.duration_since(*first) >= WINDOW) {
            times.pop_front();
        }
        if times.len() >= self.per_minute {
            let first = *times.front().expect("full, so not empty");
            return Err(WINDOW.saturating_sub(now.duration_since(first)));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_a_minute_per_user_then_wait_for_the_oldest() {
        let limit = RateLimit::per_minute(10);
        let start = Instant::now();
        for second in 0..10 {
            assert!(limit.take("alice", start + Duration::from_secs(second)).is_ok());
        }
        let wait = limit.take("alice", start + Duration::from_secs(30)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(30));
        assert!(limit.take("bob", start + Duration::from_secs(30)).is_ok(), "each user has their own minute");
        assert!(limit.take("alice", start + Duration::from_secs(60)).is_ok(), "the oldest call left the window");
    }
}
