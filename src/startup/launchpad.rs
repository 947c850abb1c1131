//! What a launchpad says in the app's URL: `sap-language` / `sap-ui-language` and `sap-theme`
//! / `sap-ui-theme`, in the query or in the launchpad's hash (`#Object-action?sap-theme=…`).

use crate::url_encoding::pairs;

/// The launchpad's parameters found in the URL.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LaunchParameters {
    pub language: Option<String>,
    pub theme: Option<String>,
}

impl LaunchParameters {
    /// Reads `search` (`?…`) and `hash` (`#…`, the launchpad's parameters follow its first
    /// `?`, up to an inner route `&/…`). The query wins over the hash.
    pub fn read(search: &str, hash: &str) -> Self {
        let hash_query = hash.split_once('?').map_or("", |(_, query)| query.split("&/").next().unwrap_or(query));
        let mut found = Self::default();
        for query in [search.trim_start_matches('?'), hash_query] {
            for (name, value) in pairs(query) {
                let value = value.trim();
                if value.is_empty() {
                    continue;
                }
                let slot = match name.to_ascii_lowercase().as_str() {
                    "sap-language" | "sap-ui-language" => &mut found.language,
                    "sap-theme" | "sap-ui-theme" => &mut found.theme,
                    _ => continue,
                };
                slot.get_or_insert_with(|| value.to_owned());
            }
        }
        found
    }
}

/// SAP's themes the app has; without one in the URL, the system's settings decide
/// (light or dark, more contrast, forced colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Horizon,
    HorizonDark,
    HorizonHighContrastBlack,
    HorizonHighContrastWhite,
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Horizon, Theme::HorizonDark, Theme::HorizonHighContrastBlack, Theme::HorizonHighContrastWhite];

    /// The theme's name in SAP's URLs and in the stylesheet (`data-theme`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Theme::Horizon => "sap_horizon",
            Theme::HorizonDark => "sap_horizon_dark",
            Theme::HorizonHighContrastBlack => "sap_horizon_hcb",
            Theme::HorizonHighContrastWhite => "sap_horizon_hcw",
        }
    }

    /// A theme parameter such as `sap_horizon_dark` or `sap_horizon_dark@/comp/theming`;
    /// `None` for themes the app does not have (then the system decides).
    pub fn from_parameter(value: &str) -> Option<Theme> {
        let name = value.split('@').next().unwrap_or(value).trim();
        Theme::ALL.into_iter().find(|theme| theme.as_str().eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_query() {
        let found = LaunchParameters::read("?sap-language=de&sap-theme=sap_horizon_dark", "");
        assert_eq!(found, LaunchParameters { language: Some("de".into()), theme: Some("sap_horizon_dark".into()) });
        let ui = LaunchParameters::read("?sap-ui-language=DE&sap-ui-theme=sap_horizon_hcb", "");
        assert_eq!(ui, LaunchParameters { language: Some("DE".into()), theme: Some("sap_horizon_hcb".into()) });
    }

    #[test]
    fn reads_the_launchpads_hash_parameters_but_not_its_inner_route() {
        let found = LaunchParameters::read("", "#ConnectionRequest-manage?sap-ui-language=de&sap-ui-theme=sap_horizon_hcw&/x?sap-theme=sap_horizon");
        assert_eq!(found, LaunchParameters { language: Some("de".into()), theme: Some("sap_horizon_hcw".into()) });
        assert_eq!(LaunchParameters::read("", "#Shell-home"), LaunchParameters::default());
    }

    #[test]
    fn the_query_wins_over_the_hash_and_empty_values_count_as_none() {
        let found = LaunchParameters::read("?sap-language=&sap-theme=sap_horizon", "#A-b?sap-language=de&sap-theme=sap_horizon_dark");
        assert_eq!(found, LaunchParameters { language: Some("de".into()), theme: Some("sap_horizon".into()) });
    }

    #[test]
    fn knows_the_four_horizon_themes_and_nothing_else() {
        assert_eq!(Theme::from_parameter("sap_horizon_dark"), Some(Theme::HorizonDark));
        assert_eq!(Theme::from_parameter("sap_horizon_hcb@/comp/theming"), Some(Theme::HorizonHighContrastBlack));
        assert_eq!(Theme::from_parameter("SAP_HORIZON_HCW"), Some(Theme::HorizonHighContrastWhite));
        assert_eq!(Theme::from_parameter("sap_fiori_3"), None);
        assert_eq!(Theme::from_parameter(""), None);
    }
}
