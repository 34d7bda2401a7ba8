"""The back office in a real browser: Debian's Chromium, headless, driven by Playwright.

A support user signs in, finds a task by its title, edits it, deactivates its owner and sees
both changes in the audit log. Screenshots of each page are kept under test-artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pyotp
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.helpers import REPO_ROOT, Staff, User, create_task, wait_until

ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", REPO_ROOT / "test-artifacts")) / "back-office"


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A page whose test fails if the back office's Content-Security-Policy blocked anything:
    the policy must hold without breaking a page."""
    context = browser.new_context(base_url=live_server, viewport={"width": 1600, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert blocked == []


def _snap(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)


def test_support_finds_edits_deactivates_and_sees_the_audit_log(
    page: Page, live_server: str, make_staff: Callable[..., Staff], alice: User, bob: User
) -> None:
    staff = make_staff("support")
    with httpx.Client(base_url=live_server) as api:
        task = create_task(api, alice, title="Renew the passport")
        create_task(api, alice, title="Buy groceries")
        create_task(api, bob, title="Walk the dog")

    page.goto("/admin/login")
    _snap(page, "sign-in")
    page.fill("input[name=username]", staff.email)
    page.fill("input[name=password]", staff.password)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{live_server}/admin/")

    page.goto("/admin/task/list")
    page.fill("#search-input", "passport")
    page.click("#search-button")
    expect(page).to_have_url(f"{live_server}/admin/task/list?search=passport")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Renew the passport")
    expect(rows.first).to_contain_text("alice@example.com")
    _snap(page, "task-list")

    page.goto(f"/admin/task/edit/{task['id']}")
    _snap(page, "task-edit")
    page.fill("input[name=title]", "Renew the passport before June")
    page.click("input[type=submit][value=Save]")
    expect(page.locator("body")).to_contain_text("Renew the passport before June")

    page.goto(f"/admin/task/details/{task['id']}")
    page.click(f"a[href$='/admin/user/details/{alice.id}']")
    expect(page).to_have_url(f"{live_server}/admin/user/details/{alice.id}")
    page.click("a[data-bs-target='#modal-confirmation-deactivate']")
    confirm = page.locator("#modal-confirmation-deactivate a.btn-blue")
    expect(confirm).to_be_visible()
    _snap(page, "user-deactivate-confirmation")
    confirm.click()
    page.wait_for_load_state()

    refused = httpx.get(f"{live_server}{alice.tasks_url}", headers=alice.headers)
    assert refused.status_code == 403
    assert refused.json()["code"] == "user_inactive"

    page.goto("/admin/audit-log/list")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("deactivate")
    expect(rows.nth(0)).to_contain_text(staff.email)
    expect(rows.nth(1)).to_contain_text("update")
    expect(rows.nth(1)).to_contain_text(task["id"][:8])  # ids in lists: 8 characters
    expect(rows.nth(2)).to_contain_text("sign_in")
    _snap(page, "audit-log")


def test_admin_deletes_a_task_and_signing_out_ends_the_session(
    page: Page, live_server: str, make_staff: Callable[..., Staff], alice: User
) -> None:
    staff = make_staff("admin")
    with httpx.Client(base_url=live_server) as api:
        task = create_task(api, alice, title="Delete me")
    _sign_in(page, live_server, staff)
    cookies = page.context.cookies()

    page.goto(f"/admin/task/details/{task['id']}")
    page.click("a[data-bs-target='#modal-delete']")
    expect(page.locator("#modal-delete-button")).to_be_visible()
    _snap(page, "task-delete-confirmation")
    page.click("#modal-delete-button")
    expect(page).to_have_url(f"{live_server}/admin/task/list")
    gone = httpx.get(f"{live_server}{alice.task_url(task['id'])}", headers=alice.headers)
    assert gone.status_code == 404

    page.click("a[href$='/admin/logout']")
    expect(page).to_have_url(f"{live_server}/admin/login")
    # A copy of the cookie taken before signing out no longer opens anything.
    with httpx.Client(base_url=live_server) as stolen:
        stolen.cookies.set(cookies[0]["name"], cookies[0]["value"], path="/admin")
        assert stolen.get("/admin/", follow_redirects=False).status_code == 302


def _submit_sign_in(page: Page, staff: Staff, code: str = "") -> None:
    page.goto("/admin/login")
    page.fill("input[name=username]", staff.email)
    page.fill("input[name=password]", staff.password)
    page.fill("input[name=code]", code)
    page.click("button[type=submit]")


def _sign_in(page: Page, live_server: str, staff: Staff) -> None:
    _submit_sign_in(page, staff)
    expect(page).to_have_url(f"{live_server}/admin/")


def test_support_restores_a_task_deleted_through_the_api(
    page: Page, live_server: str, make_staff: Callable[..., Staff], alice: User
) -> None:
    with httpx.Client(base_url=live_server) as api:
        task = create_task(api, alice, title="Renew the lease")
        old_etag = api.get(alice.task_url(task["id"]), headers=alice.headers).headers["etag"]
        assert api.delete(alice.task_url(task["id"]), headers=alice.headers).status_code == 204
    _sign_in(page, live_server, make_staff("support"))

    page.goto("/admin/task-trash/list")
    page.fill("#search-input", "lease")
    page.click("#search-button")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Renew the lease")
    _snap(page, "trash")
    page.goto(f"/admin/task-trash/details/{task['id']}")
    page.click("a[data-bs-target='#modal-confirmation-restore']")
    confirm = page.locator("#modal-confirmation-restore a.btn-blue")
    expect(confirm).to_be_visible()
    _snap(page, "trash-restore-confirmation")
    confirm.click()
    page.wait_for_load_state()
    expect(page.locator("table tbody tr").first).to_contain_text("Renew the lease")

    back = httpx.get(f"{live_server}{alice.task_url(task['id'])}", headers=alice.headers)
    assert back.status_code == 200 and back.json()["title"] == "Renew the lease"
    assert back.headers["etag"] != old_etag

    # The task's page links to its history: the restore is in the audit log, and the trash
    # tells the owner's own delete through the API before it.
    page.goto(f"/admin/task/details/{task['id']}")
    page.click("text=(history)")
    entries = page.locator(".table-responsive table tbody tr")
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text("restore")
    trail = page.locator("#trash-history tbody tr")
    expect(trail).to_have_count(2)
    expect(trail.nth(0)).to_contain_text("its owner, through the API")
    expect(trail.nth(0)).to_contain_text("deleted it")
    expect(trail.nth(1)).to_contain_text("restored it from the trash")
    _snap(page, "task-history")


def test_admin_erases_a_user_after_typing_their_email(
    page: Page, live_server: str, make_staff: Callable[..., Staff], alice: User
) -> None:
    with httpx.Client(base_url=live_server) as api:
        create_task(api, alice, title="Private notes")
    _sign_in(page, live_server, make_staff("admin"))
    page.goto(f"/admin/user/details/{alice.id}")
    with page.expect_download() as download:
        page.click("text=Download data")
    data = json.loads(Path(download.value.path()).read_text())
    assert [task["title"] for task in data["tasks"]] == ["Private notes"]
    page.goto(f"/admin/user/details/{alice.id}")
    page.click("text=Erase")
    expect(page.locator("h3.card-title")).to_contain_text("Erase alice@example.com")
    page.fill("#confirm", "someone@example.com")
    page.click("button.btn-danger")
    expect(page.locator(".alert-danger")).to_contain_text("Nothing was erased")
    page.fill("#confirm", "alice@example.com")
    _snap(page, "user-erase-confirmation")
    page.click("button.btn-danger")
    expect(page).to_have_url(f"{live_server}/admin/user/list")

    fresh = httpx.get(f"{live_server}{alice.tasks_url}", headers=alice.headers)
    assert fresh.status_code == 200 and fresh.json()["items"] == []


def test_support_schedules_a_task_in_the_browser(
    page: Page, live_server: str, make_staff: Callable[..., Staff], alice: User
) -> None:
    """The schedule's fields as a browser fills them: a priority and a zone chosen from their
    lists, a date and a time picked, a label typed into the tag box and one removed."""
    staff = make_staff("support")
    with httpx.Client(base_url=live_server) as api:
        task = create_task(api, alice, title="Dentist", labels=["Old"])
    _sign_in(page, live_server, staff)

    page.goto(f"/admin/task/edit/{task['id']}")
    page.select_option("select[name=priority]", "3")
    page.fill("input[name=due_date]", "2026-03-29")
    page.fill("input[name=due_time]", "02:30")
    page.select_option("select[name=time_zone]", "Europe/Berlin")
    labels = page.locator("#labels + .select2")
    labels.locator(".select2-selection__choice__remove").first.click()
    page.keyboard.press("Escape")
    labels.locator(".select2-search__field").fill("Health")
    page.keyboard.press("Enter")
    _snap(page, "task-schedule")
    page.click("input[type=submit][value=Save]")
    page.wait_for_load_state()

    scheduled = httpx.get(f"{live_server}{alice.task_url(task['id'])}", headers=alice.headers)
    body = scheduled.json()
    assert (body["priority"], body["labels"]) == (3, ["Health"])
    # 02:30 on the spring-forward day does not happen in Berlin: read as 02:30 +01:00.
    assert (body["due_date"], body["due_time"], body["due_at"]) == (
        "2026-03-29",
        "02:30",
        "2026-03-29T01:30:00Z",
    )
    page.goto(f"/admin/task/details/{task['id']}")
    expect(page.locator("body")).to_contain_text("3 · High")
    expect(page.locator("body")).to_contain_text("Europe/Berlin")


def test_staff_set_up_a_second_factor_and_sign_in_with_a_code_or_a_recovery_code(
    page: Page, make_staff: Callable[..., Staff]
) -> None:
    staff = make_staff("support")

    def sign_in_with(code: str) -> None:
        _submit_sign_in(page, staff, code)

    sign_in_with("")
    page.goto("/admin/two-factor")
    expect(page.get_by_alt_text("QR code for your authenticator app")).to_be_visible()
    _snap(page, "two-factor-set-up")
    key = page.locator("#totp-key").inner_text()
    page.fill("input[name=code]", "000000")
    page.click("button[type=submit]")
    expect(page.get_by_role("alert")).to_contain_text("not right")
    page.fill("input[name=code]", pyotp.TOTP(key).now())
    page.click("button[type=submit]")
    # all_inner_texts() reads the page as it is: it waits for no answer to the submit.
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    codes = page.locator("#recovery-codes li").all_inner_texts()
    page.goto("/admin/logout")

    # A wrong code: refused, the email kept.
    sign_in_with("123456")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("input[name=username]")).to_have_value(staff.email)
    sign_in_with(pyotp.TOTP(key).at(time.time() + 30))
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/logout")
    sign_in_with(codes[0])
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/logout")
    sign_in_with(codes[0])
    expect(page).to_have_url(re.compile(r"/admin/login"))


def test_no_list_or_page_scrolls_sideways_at_1280_by_800(
    browser: Browser, live_server: str, make_staff: Callable[..., Staff], alice: User
) -> None:
    admin = make_staff("admin")
    with httpx.Client(base_url=live_server) as api:
        task = create_task(
            api,
            alice,
            title="A rather long task title that goes on " * 5,
            description="word " * 150,
            labels=["errands", "a-longer-label-name", "home"],
        )
        binned = create_task(api, alice, title="Binned " * 10)
        api.delete(alice.task_url(binned["id"]), headers=alice.headers)
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    _sign_in(page, live_server, admin)
    page.goto(f"/admin/task/edit/{task['id']}")
    page.fill("input[name=title]", "Renamed, so the audit log has an edit to show")
    page.click("input[type=submit][value=Save]")
    paths = [
        "/admin/",
        "/admin/user/list",
        f"/admin/user/details/{alice.id}",
        "/admin/task/list",
        f"/admin/task/details/{task['id']}",
        "/admin/task-trash/list",
        f"/admin/task-trash/details/{binned['id']}",
        "/admin/staff-user/list",
        f"/admin/staff-user/details/{admin.id}",
        "/admin/staff-session/list",
        "/admin/audit-log/list",
    ]
    overflowing = {}
    for path in paths:
        page.goto(path)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            overflowing[path] = widths
    page.goto("/admin/audit-log/list")
    page.locator("a[href*='/admin/audit-log/details/']").first.click()
    expect(page).to_have_url(re.compile(r"/admin/audit-log/details/"))
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if widths[0] > widths[1]:
        overflowing["an audit entry"] = widths
    context.close()
    assert overflowing == {}


def test_confirmations_are_worded_for_how_many_objects_they_are_about(
    page: Page, live_server: str, make_staff: Callable[..., Staff], alice: User
) -> None:
    with httpx.Client(base_url=live_server) as api:
        binned = [create_task(api, alice, title=f"Binned {n}") for n in range(2)]
        for task in binned:
            api.delete(alice.task_url(task["id"]), headers=alice.headers)
        kept = [create_task(api, alice, title=f"Kept {n}") for n in range(3)]
    _sign_in(page, live_server, make_staff("admin"))

    def question(opener: str, dialog: str) -> str:
        page.click(opener)
        heading = page.locator(f"{dialog} h3")
        expect(heading).to_be_visible()
        text = heading.inner_text()
        page.locator(f"{dialog} [data-bs-dismiss=modal]").last.click()
        expect(heading).to_be_hidden()
        return text

    def from_actions(action: str, dialog: str) -> str:
        page.click("#dropdownMenuButton")
        return question(action, dialog)

    page.goto(f"/admin/task-trash/details/{binned[0]['id']}")
    restore = "#modal-confirmation-restore"
    assert question(f"a[data-bs-target='{restore}']", restore).startswith("Restore this task?")
    page.goto("/admin/task-trash/list")
    page.locator("input.select-box").first.check()
    assert from_actions("#action-customconfirm-restore", restore).startswith("Restore this task?")
    page.locator("input.select-box").nth(1).check()
    assert from_actions("#action-customconfirm-restore", restore).startswith("Restore 2 tasks?")

    page.goto("/admin/task/list")
    boxes = page.locator("input.select-box")
    for n in range(3):
        boxes.nth(n).check()
    assert from_actions("#action-delete", "#modal-delete").startswith("Delete 3 tasks? They go")
    # A row's own delete button asks about that row, whatever is ticked.
    one_row = "table tbody tr a[data-bs-target='#modal-delete']"
    assert question(f"{one_row} >> nth=0", "#modal-delete").startswith("Delete this task? It goes")
    page.goto(f"/admin/task/details/{kept[0]['id']}")
    assert question("a[data-bs-target='#modal-delete']", "#modal-delete").startswith(
        "Delete this task?"
    )
    page.goto(f"/admin/user/details/{alice.id}")
    assert question(
        "a[data-bs-target='#modal-confirmation-deactivate']", "#modal-confirmation-deactivate"
    ) == ("Deactivate this user? The API refuses their requests at once.")


def test_a_list_search_box_holds_an_email_and_an_id_is_copied_whole(
    browser: Browser, live_server: str, make_staff: Callable[..., Staff], alice: User
) -> None:
    with httpx.Client(base_url=live_server) as api:
        task = create_task(api, alice, title="Copy my id")
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    _sign_in(page, live_server, make_staff("support"))
    page.goto("/admin/")
    # The home page is one column: its search box above the figures, each figure readable.
    search = page.locator("#q").bounding_box()
    figures = page.locator("[data-figure]")
    expect(figures).to_have_count(5)
    for n in range(5):
        box = figures.nth(n).bounding_box()
        assert box is not None and search is not None
        assert box["width"] >= 120 and box["y"] > search["y"] + search["height"]
    for path, selector in [
        ("/admin/", "#q"),
        ("/admin/user/list", "#search-input"),
        ("/admin/task/list", "#search-input"),
        ("/admin/audit-log/list", "#search-input"),
    ]:
        page.goto(path)
        box = page.locator(selector)
        box.fill("firstname.lastname@example-company.com")
        fits = box.evaluate("(input) => input.scrollWidth <= input.clientWidth")
        assert fits, f"{path}: the search box cuts an email short"
    page.goto("/admin/task/list")
    page.locator(f"[data-copy='{task['id']}']").click()
    # The page writes the clipboard once the click's promise settles, not within the click.
    assert wait_until(
        lambda: page.evaluate("() => navigator.clipboard.readText()") == task["id"],
        timeout_s=10,
        every_s=0.1,
    )
    context.close()
