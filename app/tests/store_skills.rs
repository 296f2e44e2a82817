//! Peer skills in the store, on both backends: the owner's own, confirmed
//! only by a facilitator of their group who sees the skill shared.

mod support;

use app::model::{Audience, ItemKind, Role, SharedContent, SkillKind, SkillText};
use app::policy::InviteTarget;
use support::on_each_backend;
use support::world::{area, group, member, person};

fn text(kind: &str, day: &str) -> SkillText {
    SkillText::parse(kind, day, "SPR:n kurssi").unwrap()
}

#[tokio::test]
async fn a_facilitator_confirms_a_shared_skill_once_and_a_change_undoes_it() {
    on_each_backend(|store| async move {
        let a = area(&store).await;
        let facilitator = person(&store, InviteTarget::Facilitator { area: a }, "Fanni").await;
        let stranger = person(&store, InviteTarget::Facilitator { area: a }, "Sami").await;
        let g = group(&store, a, Some(facilitator)).await;
        group(&store, a, Some(stranger)).await;
        let owner = person(&store, member(g, Role::Participant), "Pirjo").await;
        let mentor = person(&store, member(g, Role::PeerMentor), "Mikko").await;
        let admin = person(&store, InviteTarget::Admin, "Aila").await;
        let id = store
            .create_skill(owner, "skill-request-0001", &text("naloxone", "2026-11-02"))
            .await
            .unwrap();

        // Unshared: nobody confirms, nobody sees.
        assert!(!store.confirm_skill(facilitator, id).await.unwrap());
        store
            .share(owner, id, Audience::Mentor, None)
            .await
            .unwrap();
        let link = store
            .propose_mentor(mentor, owner, Some(g), facilitator)
            .await
            .unwrap();
        store.answer_mentor(owner, link, true).await.unwrap();
        // A mentor who sees it does not confirm; nor does the facilitator,
        // who does not see it.
        assert!(!store.confirm_skill(mentor, id).await.unwrap());
        assert!(!store.confirm_skill(facilitator, id).await.unwrap());

        store
            .share(owner, id, Audience::Facilitators, None)
            .await
            .unwrap();
        for nobody in [stranger, admin, owner, mentor] {
            assert!(!store.confirm_skill(nobody, id).await.unwrap(), "{nobody}");
        }
        assert!(store.confirm_skill(facilitator, id).await.unwrap());
        assert!(!store.confirm_skill(facilitator, id).await.unwrap(), "once");
        let skill = store.skill(owner, id).await.unwrap().unwrap();
        assert_eq!(skill.kind, SkillKind::Naloxone);
        assert_eq!(skill.confirmed.unwrap().1.as_deref(), Some("Fanni"));
        let seen = store
            .read_shared_item(facilitator, id)
            .await
            .unwrap()
            .unwrap();
        assert!(matches!(
            seen.content,
            SharedContent::Skill {
                confirmed: true,
                ..
            }
        ));

        // A new note keeps the confirmation; another skill or day does not.
        let noted = SkillText::parse("naloxone", "2026-11-02", "Kertasin").unwrap();
        assert!(store.update_skill(owner, id, &noted).await.unwrap());
        assert!(store
            .skill(owner, id)
            .await
            .unwrap()
            .unwrap()
            .confirmed
            .is_some());
        assert!(store
            .update_skill(owner, id, &text("first_aid", "2026-11-02"))
            .await
            .unwrap());
        assert!(store
            .skill(owner, id)
            .await
            .unwrap()
            .unwrap()
            .confirmed
            .is_none());

        // Someone else's: nothing to read, change or delete.
        assert!(store.skill(facilitator, id).await.unwrap().is_none());
        assert!(!store
            .update_skill(mentor, id, &text("other", "2026-11-02"))
            .await
            .unwrap());
        assert!(!store
            .delete_item(mentor, id, ItemKind::Skill)
            .await
            .unwrap());
        assert_eq!(store.skills(owner, None).await.unwrap().items.len(), 1);
    })
    .await;
}
