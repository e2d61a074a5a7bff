//! Server IP addresses: a filing must name a public address.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// What is wrong with an IP address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IpProblem {
    /// Not an IPv4 or IPv6 address (leading zeros, zone ids and ports are not accepted).
    Invalid,
    /// A valid address that is not publicly routable.
    NotPublic {
        /// One of `unspecified`, `private`, `loopback`, `link-local`, `cgnat`,
        /// `documentation`, `benchmarking`, `multicast`, `broadcast`,
        /// `reserved`, `unique-local`.
        kind: &'static str,
    },
}

/// Whether `ip` lies in `net`/`bits`.
fn in_v4(ip: Ipv4Addr, net: [u8; 4], bits: u32) -> bool {
    let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
    u32::from(ip) & mask == u32::from(Ipv4Addr::from(net)) & mask
}

/// Whether `ip` lies in `net`/`bits`.
fn in_v6(ip: Ipv6Addr, net: Ipv6Addr, bits: u32) -> bool {
    let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
    u128::from(ip) & mask == u128::from(net) & mask
}

/// Why an IPv4 address is not public, if it is not.
fn v4_kind(ip: Ipv4Addr) -> Option<&'static str> {
    const RANGES: &[([u8; 4], u32, &str)] = &[
        ([255, 255, 255, 255], 32, "broadcast"),
        ([0, 0, 0, 0], 8, "unspecified"),
        ([10, 0, 0, 0], 8, "private"),
        ([172, 16, 0, 0], 12, "private"),
        ([192, 168, 0, 0], 16, "private"),
        ([100, 64, 0, 0], 10, "cgnat"),
        ([127, 0, 0, 0], 8, "loopback"),
        ([169, 254, 0, 0], 16, "link-local"),
        ([192, 0, 0, 0], 24, "reserved"),
        ([192, 0, 2, 0], 24, "documentation"),
        ([198, 51, 100, 0], 24, "documentation"),
        ([203, 0, 113, 0], 24, "documentation"),
        ([198, 18, 0, 0], 15, "benchmarking"),
        ([224, 0, 0, 0], 4, "multicast"),
        ([240, 0, 0, 0], 4, "reserved"),
    ];
    RANGES
        .iter()
        .find(|(net, bits, _)| in_v4(ip, *net, *bits))
        .map(|(_, _, kind)| *kind)
}

/// Why an IPv6 address is not public, if it is not.
fn v6_kind(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return v4_kind(v4);
    }
    const RANGES: &[(Ipv6Addr, u32, &str)] = &[
        (Ipv6Addr::UNSPECIFIED, 128, "unspecified"),
        (Ipv6Addr::LOCALHOST, 128, "loopback"),
        (
            Ipv6Addr::new(0xfc00, 0, 0, 0, 0, 0, 0, 0),
            7,
            "unique-local",
        ),
        (Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0), 10, "link-local"),
        (Ipv6Addr::new(0xfec0, 0, 0, 0, 0, 0, 0, 0), 10, "reserved"),
        (Ipv6Addr::new(0xff00, 0, 0, 0, 0, 0, 0, 0), 8, "multicast"),
        (
            Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0),
            32,
            "documentation",
        ),
        (
            Ipv6Addr::new(0x3fff, 0, 0, 0, 0, 0, 0, 0),
            20,
            "documentation",
        ),
        (
            Ipv6Addr::new(0x2001, 0x2, 0, 0, 0, 0, 0, 0),
            48,
            "benchmarking",
        ),
    ];
    if let Some((_, _, kind)) = RANGES.iter().find(|(net, bits, _)| in_v6(ip, *net, *bits)) {
        return Some(kind);
    }
    // Global unicast is allocated from 2000::/3 only.
    let global = in_v6(ip, Ipv6Addr::new(0x2000, 0, 0, 0, 0, 0, 0, 0), 3);
    (!global).then_some("reserved")
}

/// Parses an IP address and requires it to be publicly routable.
pub fn check(s: &str) -> Result<IpAddr, IpProblem> {
    let ip: IpAddr = s.parse().map_err(|_| IpProblem::Invalid)?;
    let kind = match ip {
        IpAddr::V4(v4) => v4_kind(v4),
        IpAddr::V6(v6) => v6_kind(v6),
    };
    match kind {
        Some(kind) => Err(IpProblem::NotPublic { kind }),
        None => Ok(ip),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<&'static str> {
        match check(s) {
            Err(IpProblem::NotPublic { kind }) => Some(kind),
            Ok(_) => None,
            Err(IpProblem::Invalid) => panic!("{s} should parse"),
        }
    }

    #[test]
    fn public_addresses() {
        for s in [
            "119.29.168.10",
            "8.8.8.8",
            "1.1.1.1",
            "100.63.255.255",
            "100.128.0.0",
            "172.32.0.1",
            "2400:3200::1",
            "::ffff:119.29.168.10",
        ] {
            assert!(check(s).is_ok(), "{s}");
        }
        assert_eq!(
            check("119.29.168.10"),
            Ok(IpAddr::V4(Ipv4Addr::new(119, 29, 168, 10)))
        );
    }

    #[test]
    fn non_public_ipv4() {
        for (s, k) in [
            ("10.0.0.1", "private"),
            ("172.16.5.4", "private"),
            ("172.31.255.255", "private"),
            ("192.168.1.1", "private"),
            ("127.0.0.1", "loopback"),
            ("169.254.0.1", "link-local"),
            ("100.64.0.1", "cgnat"),
            ("100.127.255.255", "cgnat"),
            ("192.0.2.1", "documentation"),
            ("198.51.100.7", "documentation"),
            ("203.0.113.9", "documentation"),
            ("198.18.0.1", "benchmarking"),
            ("198.19.255.255", "benchmarking"),
            ("224.0.0.1", "multicast"),
            ("240.0.0.1", "reserved"),
            ("255.255.255.255", "broadcast"),
            ("0.0.0.0", "unspecified"),
            ("192.0.0.8", "reserved"),
        ] {
            assert_eq!(kind(s), Some(k), "{s}");
        }
    }

    #[test]
    fn non_public_ipv6() {
        for (s, k) in [
            ("::", "unspecified"),
            ("::1", "loopback"),
            ("fd12:3456::1", "unique-local"),
            ("fc00::1", "unique-local"),
            ("fe80::1", "link-local"),
            ("2001:db8::1", "documentation"),
            ("ff02::1", "multicast"),
            ("::ffff:192.168.1.1", "private"),
            ("::ffff:127.0.0.1", "loopback"),
            ("64:ff9b::1", "reserved"),
        ] {
            assert_eq!(kind(s), Some(k), "{s}");
        }
    }

    #[test]
    fn invalid() {
        for s in [
            "",
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "01.2.3.4",
            " 1.2.3.4",
            "1.2.3.4:80",
            "fe80::1%eth0",
            "example.com",
            "１.2.3.4",
        ] {
            assert_eq!(check(s), Err(IpProblem::Invalid), "{s}");
        }
    }
}
