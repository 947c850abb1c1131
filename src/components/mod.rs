//! Reusable pieces of the app's pages.

pub mod action_cell;
pub mod app_header;
pub mod confirm_dialog;
pub mod decision_dialog;
pub mod edit_credentials;
pub mod empty_state;
pub mod error_message;
pub mod icon;
pub mod mine_filter;
pub mod modal;
pub mod new_request_dialog;
pub mod pager;
pub mod request_details;
pub mod request_history;
pub mod request_table;
pub mod search_box;
pub mod sign_in;
pub mod sort_select;
pub mod status_badge;
pub mod status_tabs;
pub mod test_connection_dialog;
