package edu.scrutiny.app.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signing in to a real server on loopback, every way Scrutiny allows: the sign-in form (a browser
 * session with its cookie and CSRF token), an API token, HTTP Basic, a Shibboleth service
 * provider's headers, OpenID Connect (a session that followed the provider's redirects). Tests
 * sign in through here rather than each building its own requests.
 */
public final class SignIn {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|content=\"([^\"]+)\"[^>]*name=\"csrf-token\""
            + "|name=\"csrf-token\"[^>]*content=\"([^\"]+)\"");

    private final String base;

    public SignIn(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    /** {@code Authorization: Basic ...} for a local account. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Authorization: Bearer ...}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A {@code multipart/form-data} body: its content type (with the boundary) and its bytes. */
    public record Multipart(String contentType, byte[] body) {
        /** A file part named {@code file} and the given fields, as a browser's form or {@code curl -F} sends them. */
        public static Multipart file(String fileName, String content, Map<String, String> fields) {
            String boundary = "scrutiny-" + java.util.UUID.randomUUID();
            StringBuilder b = new StringBuilder();
            fields.forEach((name, value) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
            b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                    .append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
            return new Multipart("multipart/form-data; boundary=" + boundary, b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A client of the REST API that sends {@code authorization} (null: nobody) on every request. */
    public Api api(String authorization) {
        return new Api(authorization, Map.of());
    }

    /** A client of the REST API signed in with an API token. */
    public Api token(String token) {
        return api(bearer(token));
    }

    /** A browser-like session, not yet signed in: it keeps cookies and follows no redirects. */
    public Session session() {
        return new Session(Map.of());
    }

    /**
     * A session signed in through the sign-in form ({@code POST /login} with the page's CSRF token).
     * The answer to the sign-in is kept in {@link Session#last()}.
     */
    public Session form(String user, String password) {
        Session s = session();
        s.signIn(user, password);
        return s;
    }

    /**
     * A session signed in through OpenID Connect, as a browser does: Scrutiny sends it to the provider,
     * the provider's sign-in form is posted, and the redirects are followed back to Scrutiny. Where
     * they ended is in {@link Session#last()}.
     */
    public Session oidc(String registration, String user, String password) {
        Session s = session();
        s.get("/oauth2/authorization/" + registration);
        HttpResponse<String> providerLogin = s.follow(5);
        s.post(providerLogin.uri().toString(), Map.of("username", user, "password", password));
        s.follow(10);
        return s;
    }

    /** A session whose every request carries what a Shibboleth service provider adds (its secret among them). */
    public Session shibboleth(Map<String, String> providerHeaders) {
        return new Session(providerHeaders);
    }

    /** The REST API with one credential. */
    public final class Api {
        private final String authorization;
        private final Map<String, String> headers;
        private final HttpClient http = HttpClient.newHttpClient();

        Api(String authorization, Map<String, String> headers) {
            this.authorization = authorization;
            this.headers = headers;
        }

        public HttpResponse<String> get(String path) {
            return send("GET", path, null, null);
        }

        public HttpResponse<String> json(String method, String path, String json) {
            return send(method, path, json == null ? null : "application/json", json);
        }

        public HttpResponse<String> send(String method, String path, String contentType, String body) {
            return sendBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        public HttpResponse<String> sendBytes(String method, String path, String contentType, byte[] body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            headers.forEach(b::header);
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            return SignIn.send(http, b.build());
        }
    }

    /** A browser's session: cookies kept, redirects not followed (the test sees each one). */
    public final class Session {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> headers;
        private String csrf;
        private HttpResponse<String> last;
        private final java.util.List<String> history = new java.util.ArrayList<>();

        Session(Map<String, String> headers) {
            this.headers = Map.copyOf(headers);
        }

        /** Signs in through the form, as a browser does: the sign-in page, then its form posted with the CSRF token. */
        public HttpResponse<String> signIn(String user, String password) {
            get("/login");
            return post("/login", Map.of("username", user, "password", password));
        }

        public HttpResponse<String> get(String path) {
            return remember(send(HttpRequest.newBuilder(uri(path)).GET()));
        }

        /** A GET with a cookie of the caller's choosing (a session id from elsewhere, say) besides the session's own. */
        public HttpResponse<String> getWithCookie(String path, String cookie) {
            return remember(send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).GET()));
        }

        /** Posts a form with the CSRF token of the last page seen (fetching {@code /login} for one if none was). */
        public HttpResponse<String> post(String path, Map<String, String> form) {
            if (csrf == null) {
                get("/login");
            }
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.putIfAbsent("_csrf", csrf);
            String body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return remember(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))));
        }

        /** Posts a form with a file (multipart), with the CSRF token of the last page seen, as a browser's upload form does. */
        public HttpResponse<String> postFile(String path, String fileName, String content, Map<String, String> form) {
            if (csrf == null) {
                get("/login");
            }
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.putIfAbsent("_csrf", csrf);
            Multipart m = Multipart.file(fileName, content, fields);
            return remember(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", m.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()))));
        }

        /** Follows redirects from the last answer (within this server and others: an identity provider's), at most {@code max}. */
        public HttpResponse<String> follow(int max) {
            for (int i = 0; i < max && last != null && last.statusCode() / 100 == 3; i++) {
                String location = last.headers().firstValue("Location").orElseThrow();
                get(last.uri().resolve(location).toString());
            }
            return last;
        }

        public HttpResponse<String> last() {
            return last;
        }

        /** Every answer of the session so far, as "STATUS METHOD URI", for messages when a flow goes astray. */
        public java.util.List<String> history() {
            return java.util.List.copyOf(history);
        }

        /** The session cookie's value, if there is one. */
        public Optional<String> sessionId() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst();
        }

        private HttpResponse<String> send(HttpRequest.Builder b) {
            // as a browser asks: an identity provider sends a page (its sign-in form) only to those who accept one
            b.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            headers.forEach(b::header);
            return SignIn.send(http, b.build());
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            last = response;
            history.add(response.statusCode() + " " + response.request().method() + " " + response.uri());
            Matcher m = CSRF.matcher(response.body());
            if (m.find()) {
                csrf = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            }
            return response;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
