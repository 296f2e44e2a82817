//! A page's server functions share what the request learned about its
//! caller; no request ever sees another's.

mod support;

use support::cast::Cast;
use support::on_each_database;

#[tokio::test(flavor = "multi_thread")]
async fn each_request_knows_only_its_own_caller() {
    on_each_database(|server, store| {
        let mut cast = Cast::new(server.port, &store);
        let group_page = format!("/groups/{}", cast.group);
        for round in 0..3 {
            let pirjo = cast.participant.browser.page("/");
            assert!(pirjo.contains("Pirjo"), "round {round}: Pirjo's home");
            assert!(!pirjo.contains("Olli"), "round {round}");
            let olli = cast.outsider.browser.page("/");
            assert!(olli.contains("Olli"), "round {round}: Olli's home");
            assert!(!olli.contains("Pirjo"), "round {round}");
            let nobody = cast.anonymous.page("/");
            assert!(
                !nobody.contains("Pirjo") && !nobody.contains("Olli"),
                "round {round}: signed out sees no one"
            );
            // The way to one's groups: on a member's home, not on that of
            // someone who only runs a group, nor of no one.
            let groups_link = "href=\"/my-groups\"";
            assert!(pirjo.contains(groups_link), "round {round}");
            let fanni = cast.facilitator.browser.page("/");
            assert!(!fanni.contains(groups_link), "round {round}: {fanni}");
            assert!(!nobody.contains(groups_link), "round {round}");
            // The facilitator's page of the group, then someone not in it.
            assert!(cast.facilitator.browser.page(&group_page).contains("Pirjo"));
            let refused = cast.outsider.browser.page(&group_page);
            assert!(!refused.contains("Pirjo"), "round {round}: {refused}");
        }

        // Signing out ends it for the very next request of that browser.
        cast.participant.browser.form("/api/sign_out", &[]);
        assert!(!cast.participant.browser.page("/").contains("Pirjo"));
        assert!(cast.outsider.browser.page("/").contains("Olli"));
    })
    .await;
}
