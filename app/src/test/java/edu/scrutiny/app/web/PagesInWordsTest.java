package edu.scrutiny.app.web;

import edu.scrutiny.app.Scenarios;
import edu.scrutiny.app.cli.ScrutinyCli;
import edu.scrutiny.app.desk.ScreeningLog;
import edu.scrutiny.app.testsupport.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages speak in words, not keys: on the demo's data, signed in as each of the demo's users (one
 * per role), the test follows every link of the pages from the user's landing page (for the analyst at
 * most three pages of each shape, e.g. three engagements; for the others one) and reads each page's visible text in headless
 * Chromium. No word in it may look like a key: {@code snake_case} or {@code UPPER_SNAKE}.
 *
 * <p>The exceptions, each for a reason: text inside {@code code}, {@code pre}, {@code kbd}, {@code samp}
 * and {@code textarea} (rule codes, audit actions and object types, a reason's evidence as paths into
 * the engagement, YAML and JSON that a person edits as written); an identifier a page sets as code,
 * named again in a sentence on that page; the policy's rule codes (a reason names the rule it follows, as
 * the policy page shows it); and the keys of the lists (such as {@code us_bis_entity_list}): those are the
 * names the office gives its lists, used as written on the command line and in the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PagesInWordsTest {
    private static final Path demo = Scenarios.temporaryDirectory("scrutiny-words-");
    /** The demo accounts' password (the demo prints it; demo only). */
    private static final String DEMO_PASSWORD = "scrutiny-demo";
    private static final List<String> DEMO_USERS = List.of("submitter", "analyst", "reviewer", "admin", "auditor");
    private static final Pattern KEY = Pattern.compile("\\b(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\\b");
    private static final Pattern SKIP = Pattern.compile("/exports/|\\.(xlsx|csv|pdf|json)(\\?|$)|/api-docs|/swagger|/logout|/api/");
    /** Pages of one shape read: the analyst, who reaches most pages, reads three (three engagements); the others one. */
    private static final int PER_SHAPE_ANALYST = 3;
    private static final int PER_SHAPE = 1;
    private static final int PER_ROLE = 40;

    /** The demo, seeded as {@code scrutiny demo --no-serve} seeds it; the server under test runs on its database. */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = ScrutinyCli.execute(new String[] {"demo", "--dir", demo.toString(), "--no-serve"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(rc).as(out + "\n" + err).isZero();
        registry.add("spring.datasource.url", () -> Scenarios.h2Url(demo.resolve("data")));
        registry.add("spring.datasource.username", () -> "sa"); // as the command line's data directory has it
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort int port;
    @Autowired ScreeningLog screenings;
    @Autowired edu.scrutiny.app.policy.Policies policies;

    @Test
    void everyPageOfEveryRoleShowsWordsWhereTheDataHasKeys() {
        // names as written: the lists' keys, and the policy's rule codes (a reason names the rule it follows)
        Set<String> listKeys = new java.util.HashSet<>(screenings.listKeys());
        policies.current().document().rules().forEach(r -> listKeys.add(r.code()));
        assertThat(listKeys).contains("us_bis_entity_list");
        Map<String, Set<String>> found = new TreeMap<>();
        Map<String, Integer> pagesRead = new TreeMap<>();
        for (String user : DEMO_USERS) {
            try (Browser browser = Browser.open("http://localhost:" + port)) {
                signIn(browser, user);
                int read = 0;
                Deque<String> queue = new ArrayDeque<>(List.of(browser.path(), "/engagements/new", "/tokens", "/mine"));
                Set<String> seen = new LinkedHashSet<>();
                Map<String, Integer> shapes = new HashMap<>();
                while (!queue.isEmpty() && read < PER_ROLE) {
                    String path = queue.poll();
                    String shape = path.replaceAll("\\d+", "N");
                    if (!seen.add(path) || shapes.merge(shape, 1, Integer::sum) > ("analyst".equals(user) ? PER_SHAPE_ANALYST : PER_SHAPE)) {
                        continue;
                    }
                    browser.driver().get("http://localhost:" + port + path);
                    if (browser.path().startsWith("/login") || browser.driver().getTitle().contains("Not found")) {
                        continue;
                    }
                    read++;
                    for (String key : keysShown(browser, listKeys)) {
                        found.computeIfAbsent(key, k -> new TreeSet<>()).add(user + " " + path);
                    }
                    for (WebElement a : browser.findAll("a[href]")) {
                        String href = a.getAttribute("href");
                        String base = "http://localhost:" + port;
                        if (href != null && href.startsWith(base + "/") && !href.contains("#") && !SKIP.matcher(href).find()) {
                            queue.add(href.substring(base.length()));
                        }
                    }
                }
                pagesRead.put(user, read);
            }
        }
        System.out.println("PagesInWordsTest: pages read per user " + pagesRead + "; keys shown " + found);
        assertThat(pagesRead.get("analyst")).isGreaterThan(25);
        assertThat(pagesRead.get("submitter")).isGreaterThan(3);
        assertThat(found).as("keys shown where words belong (add labels to support/labels.properties)").isEmpty();
    }

    private void signIn(Browser browser, String user) {
        browser.driver().get("http://localhost:" + port + "/login");
        browser.byId("username").sendKeys(user);
        browser.byId("password").sendKeys(DEMO_PASSWORD);
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.await(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * The key-like words of the page's visible text, less the exceptions (see the class comment): the
     * text as the browser renders it once the literals are hidden, and an identifier the page sets as
     * code (a rule code in the reasons table) may be named again in a sentence beside it.
     */
    private static List<String> keysShown(Browser browser, Set<String> listKeys) {
        String literals = (String) ((JavascriptExecutor) browser.driver()).executeScript("""
                var text = [];
                document.querySelectorAll("code, pre, kbd, samp, textarea").forEach(function (e) {
                  text.push(e.value !== undefined && e.tagName === "TEXTAREA" ? e.value : e.textContent);
                  e.style.display = "none";
                });
                return text.join(" ");""");
        String text = (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.innerText;");
        Set<String> asCode = new java.util.HashSet<>();
        KEY.matcher(literals).results().forEach(r -> asCode.add(r.group()));
        List<String> keys = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            if (!listKeys.contains(m.group()) && !asCode.contains(m.group())) {
                keys.add(m.group());
            }
        }
        return keys;
    }
}
