//! The app's frame: router and routes.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::pages::connections::ConnectionsPage;
use crate::pages::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=|| view! { <Redirect path="/connections" /> } />
                <Route path=path!("/connections") view=ConnectionsPage />
            </Routes>
        </Router>
    }
}
