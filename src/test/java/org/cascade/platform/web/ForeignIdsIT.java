package org.cascade.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.cascade.platform.domain.Role;
import org.cascade.testing.Center;
import org.cascade.testing.Contents;
import org.cascade.testing.Deployments;
import org.cascade.testing.LivePages;
import org.cascade.testing.Terminals;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every form of the holder's, the clerk's and the operator's pages, sent by someone signed in with
 * a valid token but naming what is another's (or nothing at all): refused with a page in the
 * caller's language and a 4xx status, never a 500, and nothing changed. The routes are read from
 * the {@link Route} annotations, so a new form cannot be left out.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForeignIdsIT {

    private static final Set<Role> STAFF = EnumSet.of(Role.HOLDER, Role.CLERK, Role.OPERATOR);

    /** The forms not sent with a valid token, and why (each is still sent with a stale one). */
    private static final Map<String, String> NOT_SENT = Map.of(
            "/operator/settlement/run", "takes no ids, and would close the days for real");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.cascade();
    }

    @ArquillianResource
    URL base;

    /** Two of each: ours sends, theirs owns. */
    private record World(Center operator, Center mine, Center theirs, Center myClerk, Center theirClerk,
                         String myHolder, String myContent, String theirContent, String myEvent, String theirEvent,
                         long theirReplenishment, String theirSerial, long theirPost) {
    }

    /** One form sent by one caller; {@code key} (with {@code args}) is the refusal it must show, when it has one. */
    private record Form(Role caller, String path, Map<String, String> fields, String key, Object... args) {
    }

    private static World world;

    @Test
    void formsNamingWhatIsNotTheCallersAreRefusedWithAPageInTheirLanguage() throws Exception {
        World w = world();
        List<Form> forms = forms(w);
        Set<String> listed = new TreeSet<>(NOT_SENT.keySet());
        forms.forEach(f -> listed.add(f.path()));
        assertEquals(postRoutes(), listed, "every page that takes a form is sent one here");

        Map<String, String> before = state(w);
        for (Form f : forms) {
            HttpResponse<String> r = caller(w, f.caller()).form(f.path(), f.fields(), "en");
            assertRefused(f, r, "en");
        }
        // Pages that take no form at all refuse one too.
        for (Map.Entry<String, Set<Role>> route : staffRoutes().entrySet()) {
            if (!listed.contains(route.getKey())) {
                for (Role role : route.getValue()) {
                    Form f = new Form(role, route.getKey(), Map.of("id", w.theirEvent()), null);
                    assertRefused(f, caller(w, role).form(f.path(), f.fields(), "en"), "en");
                }
            }
        }
        assertEquals(before, state(w), "a refused form changed nothing");
    }

    @Test
    void aRefusalIsShownInJapaneseToAJapaneseBrowser() throws Exception {
        World w = world();
        Map<String, String> before = state(w);
        for (String path : List.of("/holder/live/edit", "/holder/live/describe", "/holder/live/demand", "/holder/live/open",
                "/holder/live/end")) {
            Form f = forms(w).stream().filter(x -> x.path().equals(path) && x.fields().get("id").equals(w.theirEvent()))
                    .findFirst().orElseThrow();
            HttpResponse<String> r = w.mine().form(path, f.fields(), "ja,en;q=0.5");
            assertRefused(f, r, "ja");
        }
        Form describe = forms(w).stream().filter(x -> x.path().equals("/holder/describe")).findFirst().orElseThrow();
        assertRefused(describe, w.mine().form(describe.path(), describe.fields(), "ja"), "ja");
        assertEquals(before, state(w));
    }

    @Test
    void aFormWithAStaleTokenIsRefusedWith403AndAPage() throws Exception {
        World w = world();
        Map<String, String> before = state(w);
        Map<String, List<Form>> byPath = new TreeMap<>();
        forms(w).forEach(f -> byPath.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f));
        for (Map.Entry<String, Set<Role>> route : staffRoutes().entrySet()) {
            for (Role role : route.getValue()) {
                Map<String, String> fields = byPath.getOrDefault(route.getKey(), List.of()).stream().filter(f -> f.caller() == role)
                        .map(Form::fields).findFirst().orElse(Map.of("id", w.theirEvent()));
                for (String language : List.of("en", "ja")) {
                    HttpResponse<String> r = caller(w, role).form(route.getKey(), fields, "stale-token", language);
                    String what = role + " POST " + route.getKey() + " with a stale token in " + language;
                    assertEquals(403, r.statusCode(), what + ": " + r.body());
                    assertPage(what, r, language);
                    assertTrue(r.body().contains(text("error.csrf", language)), what + " says why: " + r.body());
                }
            }
        }
        assertEquals(before, state(w), "a form with a stale token changed nothing");
    }

    private List<Form> forms(World w) {
        String today = LocalDate.now().toString();
        String nobody = "CM-0000-0000";
        long noPost = 999_999_999L;
        List<Form> f = new ArrayList<>();
        // The holder's contents.
        f.add(new Form(Role.HOLDER, "/holder/describe", Map.of("id", w.theirContent(), "summary", "Taken over",
                "performerComment", "", "creatorComment", "", "previewBytes", "0"), "content.unknown", w.theirContent()));
        f.add(new Form(Role.HOLDER, "/holder/advertise", Map.of("id", w.theirContent(), "kind", "BANNER", "start", today,
                "days", "1", "requestKey", UUID.randomUUID().toString()), "content.unknown", w.theirContent()));
        f.add(new Form(Role.HOLDER, "/holder/register", Map.of("id", w.theirContent()), null));
        f.add(new Form(Role.HOLDER, "/holder/content", Map.of("id", w.theirContent()), null));
        // The holder's live events.
        String start = LocalDate.now().plusDays(20) + "T19:00";
        f.add(new Form(Role.HOLDER, "/holder/live/open", Map.of("id", w.theirEvent(), "mode", "FIXED_PRICES",
                "lotteryClosesAt", LocalDate.now().plusDays(5) + "T19:00", "patterns", "", "foldBelowPercent", "10",
                "primarySetCount", "1", "refundPerSegment", "0"), "live.event.unknown", w.theirEvent()));
        f.add(new Form(Role.HOLDER, "/holder/live/edit", Map.of("id", w.theirEvent(), "basePrice", "999", "startsAt", start),
                "live.event.unknown", w.theirEvent()));
        f.add(new Form(Role.HOLDER, "/holder/live/describe", Map.of("id", w.theirEvent(), "comment", "Taken over"),
                "live.event.unknown", w.theirEvent()));
        f.add(new Form(Role.HOLDER, "/holder/live/describe", Map.of("id", w.myEvent(), "comment", "Their preview",
                "previewContent", w.theirContent()), "content.unknown", w.theirContent()));
        f.add(new Form(Role.HOLDER, "/holder/live/demand", Map.of("id", w.theirEvent(), "pastSpectators", "1",
                "downloads", "1", "searchHits", "1"), "live.event.unknown", w.theirEvent()));
        f.add(new Form(Role.HOLDER, "/holder/live/end", Map.of("id", w.theirEvent()), "live.event.unknown", w.theirEvent()));
        f.add(new Form(Role.HOLDER, "/holder/live/new", Map.of("id", w.theirEvent()), null));
        f.add(new Form(Role.HOLDER, "/holder/mail", Map.of("address", "a@b.example\r\nBcc: everyone@example.org"), "mail.address.invalid"));
        for (String path : List.of("/holder/live", "/holder/live/event", "/holder/live/air")) {
            f.add(new Form(Role.HOLDER, path, Map.of("id", w.theirEvent()), null));
        }
        // A content's page, for its holder and the operator.
        f.add(new Form(Role.HOLDER, "/content/moderate", Map.of("id", w.theirContent(), "post", String.valueOf(w.theirPost()),
                "action", "hide"), null));
        f.add(new Form(Role.HOLDER, "/content/moderate", Map.of("id", w.myContent(), "post", String.valueOf(w.theirPost()),
                "action", "hide"), null));
        f.add(new Form(Role.HOLDER, "/content/moderate", Map.of("id", w.theirContent(), "post", String.valueOf(noPost),
                "action", "hide"), "board.unknown", noPost));
        f.add(new Form(Role.OPERATOR, "/content/moderate", Map.of("id", "no-such-content", "post", String.valueOf(noPost),
                "action", "hide"), "board.unknown", noPost));
        f.add(new Form(Role.HOLDER, "/content/rate", Map.of("id", w.theirContent(), "stars", "5"), null));
        f.add(new Form(Role.OPERATOR, "/content/rate", Map.of("id", w.theirContent(), "stars", "5"), null));
        f.add(new Form(Role.HOLDER, "/content/post", Map.of("id", w.theirContent(), "text", "Taken over"), null));
        f.add(new Form(Role.OPERATOR, "/content/post", Map.of("id", w.theirContent(), "text", "Taken over"), null));
        f.add(new Form(Role.HOLDER, "/content", Map.of("id", w.theirContent()), null));
        f.add(new Form(Role.OPERATOR, "/content", Map.of("id", "no-such-content"), null));
        // The clerk's counter.
        f.add(new Form(Role.CLERK, "/store/void", Map.of("receipt", String.valueOf(w.theirReplenishment())),
                "store.receipt.unknown", w.theirReplenishment()));
        f.add(new Form(Role.CLERK, "/store/replenish", Map.of("serial", nobody, "amount", "100",
                "requestKey", UUID.randomUUID().toString()), "media.unknown", nobody));
        f.add(new Form(Role.CLERK, "/store/reissue", Map.of("serial", nobody, "password", "buyer-pw", "passwordRepeated", "buyer-pw",
                "requestKey", UUID.randomUUID().toString()), "media.unknown", nobody));
        f.add(new Form(Role.CLERK, "/store/sell", Map.of("amount", "100", "password", "buyer-pw", "passwordRepeated", "other-pw",
                "requestKey", UUID.randomUUID().toString()), "store.password.mismatch"));
        f.add(new Form(Role.CLERK, "/store", Map.of("receipt", String.valueOf(w.theirReplenishment())), null));
        // The operator's pages.
        f.add(new Form(Role.OPERATOR, "/operator/clerks", Map.of("store", String.valueOf(noPost), "username", "foreign-clerk",
                "displayName", "Foreign clerk"), "store.unknown", noPost));
        f.add(new Form(Role.OPERATOR, "/operator/holders", Map.of("username", w.myHolder(), "displayName", "Taken over"),
                "staff.username.taken", w.myHolder()));
        f.add(new Form(Role.OPERATOR, "/operator/funds", Map.of("holder", "no-such-holder", "amount", "100",
                "requestKey", UUID.randomUUID().toString()), "holder.unknown", "no-such-holder"));
        f.add(new Form(Role.OPERATOR, "/operator/stores", Map.of("address", "Nowhere"), null));
        f.add(new Form(Role.OPERATOR, "/operator/origin", Map.of("total", "-1", "perContent", "0"), null));
        f.add(new Form(Role.OPERATOR, "/operator", Map.of("id", w.theirEvent()), null));
        f.add(new Form(Role.OPERATOR, "/operator/media/revoke", Map.of("serial", nobody, "reason", "lost"), "media.unknown", nobody));
        f.add(new Form(Role.OPERATOR, "/operator/media", Map.of("serial", nobody, "reason", "lost"), "media.unknown", nobody));
        f.add(new Form(Role.OPERATOR, "/operator/settlement/acknowledgement", Map.of("acknowledgement", "not an acknowledgement"), null));
        for (String path : List.of("/operator/settlement", "/operator/settlement/file", "/operator/reconciliation")) {
            f.add(new Form(Role.OPERATOR, path, Map.of("id", w.theirEvent()), null));
        }
        // Anyone's own password: two new ones that differ are refused before the current one is looked at.
        for (Role role : List.of(Role.HOLDER, Role.CLERK, Role.OPERATOR)) {
            f.add(new Form(role, "/password", Map.of("current", "not-the-password", "chosen", "chosen-password-1",
                    "repeated", "chosen-password-2"), "staff.password.mismatch"));
        }
        return f;
    }

    /** What the refused forms might have changed, as their owners see it. */
    private Map<String, String> state(World w) throws Exception {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("their content", w.theirs().get("api/contents/" + w.theirContent()).body());
        s.put("their board", w.theirs().get("api/contents/" + w.theirContent() + "/board").body());
        s.put("their event", page(w.theirs(), "holder/live/event?id=" + w.theirEvent()));
        s.put("my event", page(w.mine(), "holder/live/event?id=" + w.myEvent()));
        s.put("their counter", page(w.theirClerk(), "store"));
        s.put("my counter", page(w.myClerk(), "store"));
        s.put("their receipt", page(w.theirClerk(), "store/receipt?id=" + w.theirReplenishment()));
        s.put("accounts", page(w.operator(), "operator/accounts?q=foreign"));
        return s;
    }

    /** A page as its owner sees it, less what is new on every showing (a form's request key). */
    private static String page(Center who, String path) throws Exception {
        HttpResponse<String> r = who.page(path, "en");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body().replaceAll("name=\"requestKey\" value=\"[^\"]*\"", "");
    }

    private static void assertRefused(Form f, HttpResponse<String> r, String language) throws IOException {
        String what = f.caller() + " POST " + f.path() + " " + f.fields() + " in " + language;
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.body());
        assertPage(what, r, language);
        String body = r.body();
        if (f.key() != null) {
            assertTrue(body.contains(text(f.key(), language, f.args())), what + " says why (" + f.key() + "): " + body);
        } else {
            assertTrue(body.contains("class=\"errors\"") || body.contains(text("error." + r.statusCode() + ".text", language)),
                    what + " says why: " + body);
        }
    }

    /** A whole page of the center in the language asked for, with the usual layout. */
    private static void assertPage(String what, HttpResponse<String> r, String language) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), what + " is a page");
        assertTrue(r.body().contains("<html") && r.body().contains("lang=\"" + language + "\""), what + " is in " + language + ": " + r.body());
        assertFalse(r.body().contains(text("error.500.title", language)), what + " went wrong: " + r.body());
    }

    private Center caller(World w, Role role) {
        return switch (role) {
            case HOLDER -> w.mine();
            case CLERK -> w.myClerk();
            case OPERATOR -> w.operator();
            case TERMINAL -> throw new IllegalArgumentException("terminal pages are not sent here");
        };
    }

    // --- the routes, from the page controllers' annotations ---

    /** Every path a holder, clerk or operator may use, with the staff roles allowed on it. */
    private static Map<String, Set<Role>> staffRoutes() throws Exception {
        Map<String, Set<Role>> routes = new TreeMap<>();
        for (Class<?> controller : controllers()) {
            Route route = controller.getAnnotation(Route.class);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Arrays.stream(route.roles()).filter(STAFF::contains).forEach(roles::add);
            if (!roles.isEmpty()) {
                for (String path : route.value()) {
                    routes.put(path, roles);
                }
            }
        }
        return routes;
    }

    /** The staff paths of the controllers that take forms (they override {@link PageController#post}). */
    private static Set<String> postRoutes() throws Exception {
        Set<String> paths = new TreeSet<>();
        Map<String, Set<Role>> staff = staffRoutes();
        for (Class<?> controller : controllers()) {
            boolean takesForms = Arrays.stream(controller.getDeclaredMethods())
                    .anyMatch(m -> m.getName().equals("post") && Arrays.equals(m.getParameterTypes(), new Class<?>[] {PageRequest.class}));
            if (takesForms) {
                Arrays.stream(controller.getAnnotation(Route.class).value()).filter(staff::containsKey).forEach(paths::add);
            }
        }
        return paths;
    }

    private static List<Class<?>> controllers() throws Exception {
        Path classes = Path.of(PageController.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name, false, ForeignIdsIT.class.getClassLoader());
                if (type.isAnnotationPresent(Route.class) && !Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        assertTrue(found.size() > 20, "the page controllers are found: " + found);
        return found;
    }

    // --- messages as the pages show them ---

    private static final Map<String, Properties> BUNDLES = new LinkedHashMap<>();

    /** A message as a page shows it: formatted in the language, escaped as the templates escape text. */
    static synchronized String text(String key, String language, Object... args) {
        Properties bundle = BUNDLES.computeIfAbsent(language, l -> {
            Properties p = new Properties();
            String name = "i18n/messages" + (l.equals("en") ? "" : "_" + l) + ".properties";
            try (Reader in = new InputStreamReader(ForeignIdsIT.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(name, e);
            }
            return p;
        });
        String pattern = bundle.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in " + language);
        }
        String text = new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    // --- the people and their things ---

    private synchronized World world() throws Exception {
        if (world != null) {
            return world;
        }
        Center operator = Center.asOperator(base);
        Contents.Registered mineContent = Contents.register(base, "Mine", 300_000, 100, 10);
        Contents.Registered theirsContent = Contents.register(base, "Theirs", 300_000, 100, 10);
        Center mine = signedIn(mineContent.holder(), mineContent.holderPassword());
        Center theirs = signedIn(theirsContent.holder(), theirsContent.holderPassword());
        String myEvent = openEvent(mine, "Mine");
        String theirEvent = openEvent(theirs, "Theirs");

        Center.Clerk myClerk = operator.openStoreWithClerk("Mine");
        Center.Clerk theirClerk = operator.openStoreWithClerk("Theirs");
        Center theirCounter = signedIn(theirClerk.username(), theirClerk.password());
        var sold = theirCounter.post("api/store/sales", Json.createObjectBuilder().add("amount", 1000).add("password", "buyer-pw")
                .add("requestKey", UUID.randomUUID().toString()).build());
        assertEquals(200, sold.statusCode(), sold.body());
        String serial = Center.json(sold).getString("serial");
        var replenished = theirCounter.post("api/store/replenishments", Json.createObjectBuilder().add("media", serial)
                .add("amount", 500).add("requestKey", UUID.randomUUID().toString()).build());
        assertEquals(200, replenished.statusCode(), replenished.body());
        long replenishment = Center.json(replenished).getJsonNumber("receipt").longValue();

        Center terminal = new Center(base);
        terminal.insertMedia(Center.json(sold).getString("code"), "buyer-pw");
        var posted = terminal.post("api/contents/" + theirsContent.id() + "/board", Json.createObjectBuilder().add("text", "Hello").build());
        assertEquals(200, posted.statusCode(), posted.body());
        long post = Center.json(posted).getJsonNumber("post").longValue();

        world = new World(operator, mine, theirs, signedIn(myClerk.username(), myClerk.password()), theirCounter,
                mineContent.holder(), mineContent.id(), theirsContent.id(), myEvent, theirEvent, replenishment, serial, post);
        return world;
    }

    private Center signedIn(String username, String password) throws Exception {
        Center c = new Center(base);
        c.signIn(username, password);
        return c;
    }

    /** An event registered on the FIG. 17 form and open for applications; returns its id. */
    private static String openEvent(Center holder, String title) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        LivePages.event(title, LocalDate.now().plusDays(10) + "T19:00", "2").forEach((id, value) -> form.put(camel(id), value));
        HttpResponse<String> registered = holder.form("holder/live/new", form, "en");
        assertEquals(302, registered.statusCode(), registered.body());
        String id = registered.headers().firstValue("Location").orElseThrow().replaceAll(".*id=", "");
        HttpResponse<String> opened = holder.form("holder/live/open", Map.of("id", id, "mode", "FIXED_PRICES",
                "lotteryClosesAt", LocalDate.now().plusDays(5) + "T19:00", "patterns", "", "foldBelowPercent", "10",
                "primarySetCount", "1", "refundPerSegment", "0"), "en");
        assertEquals(302, opened.statusCode(), opened.body());
        // The notice that applications are open is shown once, here rather than in what the test compares.
        assertEquals(200, holder.page("holder/live/event?id=" + id, "en").statusCode());
        return id;
    }

    /** A form field's element id (starts-at) as its name (startsAt). */
    private static String camel(String id) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : id.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
