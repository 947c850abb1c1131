//! The guard that keeps "Test Connection" from becoming an open proxy: https only, a host on
//! the allow-list, and only public addresses, checked on the very addresses the client then
//! connects to (the resolver below is the client's only way to find an address).

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;

use super::outcome::Failure;

/// SAP BTP regions whose authentication domains are on the default allow-list.
const REGIONS: &[&str] = &[
    "ae01", "ap10", "ap11", "ap12", "ap20", "ap21", "ap30", "br10", "br30", "ca10", "ca20", "ch20", "eu10", "eu11",
    "eu13", "eu20", "eu22", "eu30", "il30", "in30", "jp10", "jp20", "jp30", "jp31", "sa30", "sa31", "us10", "us11",
    "us20", "us21", "us30",
];

/// The default allow-list: the OAuth domains of SAP BTP (XSUAA), for client secrets and for
/// X.509 certificates, in every region.
pub fn default_token_hosts() -> Vec<String> {
    let mut hosts: Vec<String> = REGIONS
        .iter()
        .flat_map(|region| {
            [format!(".authentication.{region}.hana.ondemand.com"), format!(".authentication.cert.{region}.hana.ondemand.com")]
        })
        .collect();
    hosts.extend([".authentication.cn40.platform.sapcloud.cn".to_owned(), ".authentication.cert.cn40.platform.sapcloud.cn".to_owned()]);
    hosts
}

/// Where a token URL may lead.
#[derive(Debug, Clone)]
pub struct TokenHostPolicy {
    /// Entries starting with `.` allow every host that ends with them; others allow exactly
    /// that host.
    pub allowed_hosts: Vec<String>,
    /// Loopback, private and other non-public addresses too (tests, company networks).
    pub allow_private: bool,
    /// Fixed addresses for host names, checked like looked-up ones.
    pub fixed_addresses: HashMap<String, Vec<IpAddr>>,
    /// Whether names without a fixed address are looked up in the system's DNS (tests turn
    /// this off, so that no query leaves the machine).
    pub use_dns: bool,
    /// The ports a token URL may name (443, the default, unless configured otherwise).
    pub ports: Vec<u16>,
}

impl TokenHostPolicy {
    /// The URL to post to, if the policy lets the hub reach it at all: https, and a host on
    /// the allow-list; an address written in the URL must be public (unless allowed).
    pub fn check_url(&self, token_url: &str) -> Result<Url, Failure> {
        let url = Url::parse(token_url).map_err(|_| Failure::HostNotAllowed)?;
        if url.scheme() != "https" {
            return Err(Failure::HostNotAllowed);
        }
        let host = match url.host() {
            Some(url::Host::Domain(domain)) => domain.to_ascii_lowercase(),
            Some(url::Host::Ipv4(address)) => address.to_string(),
            Some(url::Host::Ipv6(address)) => address.to_string(),
            None => return Err(Failure::HostNotAllowed),
        };
        if !self.allows_host(&host) || !url.port_or_known_default().is_some_and(|port| self.ports.contains(&port)) {
            return Err(Failure::HostNotAllowed);
        }
        if let Ok(address) = host.parse::<IpAddr>() {
            self.check_address(address)?;
        }
        Ok(url)
    }

    fn allows_host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        self.allowed_hosts.iter().any(|allowed| {
            let allowed = allowed.to_ascii_lowercase();
            match allowed.strip_prefix('.') {
                Some(suffix) => host.len() > suffix.len() + 1 && host.ends_with(&allowed),
                None => host == allowed,
            }
        })
    }

    /// Whether the hub may connect to `address`.
    pub fn check_address(&self, address: IpAddr) -> Result<(), Failure> {
        if self.allow_private || is_public(address) {
            Ok(())
        } else {
            Err(Failure::PrivateAddress)
        }
    }
}

/// Whether `address` is on the public internet: not loopback, private, link-local, shared
/// (carrier-grade NAT), unspecified, broadcast, multicast, documentation, benchmarking or
/// reserved; an IPv4 address inside IPv6 (mapped, compatible, NAT64, 6to4) counts as itself.
pub fn is_public(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(address: Ipv4Addr) -> bool {
    let [a, b, c, _] = address.octets();
    !(address.is_unspecified()
        || address.is_loopback()
        || address.is_private()
        || address.is_link_local()
        || address.is_broadcast()
        || address.is_documentation()
        || address.is_multicast()
        || a == 0
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (18..20).contains(&b))
        || a >= 240)
}

fn is_public_v6(address: Ipv6Addr) -> bool {
    if let Some(v4) = embedded_v4(address) {
        return is_public_v4(v4);
    }
    let segments = address.segments();
    !(address.is_unspecified()
        || address.is_loopback()
        || address.is_multicast()
        || (segments[0] & 0xfe00) == 0xfc00
        || (segments[0] & 0xffc0) == 0xfe80
        || (segments[0] & 0xffc0) == 0xfec0
        || (segments[0] == 0x2001 && segments[1] == 0x0db8)
        || (segments[0] & 0xfff0) == 0x3ff0
        || segments[0] == 0x5f00
        || (segments[0] == 0x2001 && segments[1] < 0x0200)
        || segments[0] == 0x0100)
}

/// The IPv4 address an IPv6 address carries: mapped (`::ffff:a.b.c.d`), compatible
/// (`::a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) or 6to4 (`2002:aabb:ccdd::`).
fn embedded_v4(address: Ipv6Addr) -> Option<Ipv4Addr> {
    if let Some(v4) = address.to_ipv4() {
        return Some(v4);
    }
    let s = address.segments();
    let from = |high: u16, low: u16| Ipv4Addr::new((high >> 8) as u8, high as u8, (low >> 8) as u8, low as u8);
    // NAT64: the well-known prefix and the local-use one (RFC 8215).
    if s[0] == 0x0064 && s[1] == 0xff9b && (s[2..6] == [0, 0, 0, 0] || s[2] == 1) {
        return Some(from(s[6], s[7]));
    }
    // SIIT's IPv4-translated addresses, `::ffff:0:a.b.c.d`.
    if s[..4] == [0, 0, 0, 0] && s[4] == 0xffff && s[5] == 0 {
        return Some(from(s[6], s[7]));
    }
    if s[0] == 0x2002 {
        return Some(from(s[1], s[2]));
    }
    None
}

/// The client's resolver: fixed addresses or the system's lookup, then only the addresses
/// the policy allows. The client connects to what this returns and looks up nothing else.
pub struct GuardedResolver {
    pub policy: Arc<TokenHostPolicy>,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let policy = Arc::clone(&self.policy);
        let host = name.as_str().trim_end_matches('.').to_ascii_lowercase();
        Box::pin(async move {
            let found: Vec<IpAddr> = match policy.fixed_addresses.get(&host) {
                Some(fixed) => fixed.clone(),
                None if policy.use_dns => match tokio::net::lookup_host((host.as_str(), 0)).await {
                    Ok(addresses) => addresses.map(|address| address.ip()).collect(),
                    Err(_) => Vec::new(),
                },
                None => Vec::new(),
            };
            if found.is_empty() {
                return Err(Box::new(Failure::Unresolvable) as Box<dyn std::error::Error + Send + Sync>);
            }
            let allowed: Vec<SocketAddr> =
                found.into_iter().filter(|address| policy.check_address(*address).is_ok()).map(|ip| SocketAddr::new(ip, 0)).collect();
            if allowed.is_empty() {
                return Err(Box::new(Failure::PrivateAddress) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(allow_private: bool) -> TokenHostPolicy {
        let mut fixed = HashMap::new();
        fixed.insert("metadata.authentication.eu10.hana.ondemand.com".to_owned(), vec!["169.254.169.254".parse().unwrap()]);
        fixed.insert("mixed.authentication.eu10.hana.ondemand.com".to_owned(), vec!["10.0.0.7".parse().unwrap(), "8.8.8.8".parse().unwrap()]);
        TokenHostPolicy { allowed_hosts: default_token_hosts(), allow_private, fixed_addresses: fixed, use_dns: false, ports: vec![443] }
    }

    #[test]
    fn only_https_to_a_host_on_the_allow_list() {
        let policy = policy(false);
        assert!(policy.check_url("https://acme.authentication.eu10.hana.ondemand.com/oauth/token").is_ok());
        assert!(policy.check_url("https://acme.authentication.cert.us10.hana.ondemand.com/oauth/token").is_ok());
        for url in [
            "http://acme.authentication.eu10.hana.ondemand.com/oauth/token",
            "https://evil.example.com/oauth/token",
            "https://authentication.eu10.hana.ondemand.com.evil.example.com/",
            "https://evilauthentication.eu10.hana.ondemand.com/",
            "https://.authentication.eu10.hana.ondemand.com/",
            "https://127.0.0.1/oauth/token",
            "https://acme.authentication.eu10.hana.ondemand.com:8443/oauth/token",
            "https://acme.authentication.eu10.hana.ondemand.com:22/oauth/token",
            "ftp://acme.authentication.eu10.hana.ondemand.com/",
            "not a url",
        ] {
            assert_eq!(policy.check_url(url).err(), Some(Failure::HostNotAllowed), "{url}");
        }
    }

    #[test]
    fn addresses_written_in_the_url_are_checked_before_any_connection() {
        let mut policy = policy(false);
        policy.allowed_hosts = vec!["127.0.0.1".into(), "::1".into(), "::ffff:127.0.0.1".into(), "8.8.8.8".into()];
        assert_eq!(policy.check_url("https://127.0.0.1/token").err(), Some(Failure::PrivateAddress));
        assert_eq!(policy.check_url("https://[::1]/token").err(), Some(Failure::PrivateAddress));
        assert_eq!(policy.check_url("https://[::ffff:127.0.0.1]/token").err(), Some(Failure::PrivateAddress));
        assert!(policy.check_url("https://8.8.8.8/token").is_ok());
    }

    #[test]
    fn classifies_addresses() {
        for private in [
            "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
            "255.255.255.255", "224.0.0.1", "192.0.2.1", "198.18.0.1", "240.0.0.1", "::1", "::", "fc00::1", "fd12::1",
            "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:a00:1::", "2001:db8::1", "ff02::1",
            "64:ff9b:1::a00:1", "::ffff:0:a00:1", "3fff::1", "5f00::1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private} is not public");
        }
        for public in ["8.8.8.8", "52.28.0.1", "2a00:1450:4001::1", "::ffff:8.8.8.8", "64:ff9b::808:808"] {
            assert!(is_public(public.parse().unwrap()), "{public} is public");
        }
    }

    #[tokio::test]
    async fn the_resolver_hands_out_only_allowed_addresses() {
        let resolver = GuardedResolver { policy: Arc::new(policy(false)) };
        let resolve = |host: &str| resolver.resolve(host.parse().unwrap());
        let refused = resolve("metadata.authentication.eu10.hana.ondemand.com").await.err().unwrap();
        assert_eq!(refused.downcast_ref::<Failure>(), Some(&Failure::PrivateAddress));
        let mixed: Vec<SocketAddr> = resolve("mixed.authentication.eu10.hana.ondemand.com").await.ok().unwrap().collect();
        assert_eq!(mixed, vec!["8.8.8.8:0".parse().unwrap()], "only the public one");
        let unresolvable = resolve("nowhere.authentication.eu10.hana.ondemand.com").await.err().unwrap();
        assert_eq!(unresolvable.downcast_ref::<Failure>(), Some(&Failure::Unresolvable));
    }
}
