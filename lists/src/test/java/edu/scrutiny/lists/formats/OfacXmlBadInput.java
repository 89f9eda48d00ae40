package edu.scrutiny.lists.formats;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile and broken XML for the OFAC XML reader tests. */
final class OfacXmlBadInput {
    private OfacXmlBadInput() {
    }

    /**
     * A local web server that counts every request, as the target of external entities and DTDs:
     * a parser that fetched them would show up in {@link #requests()}.
     */
    static final class EntityTarget implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        EntityTarget() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                byte[] body = "SECRET-FROM-SERVER".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/" + path;
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** The document with a DOCTYPE declaring an external entity, used in the first element that holds text. */
    static String withExternalEntity(String xml, String rootName, String entityUrl, String textElement) {
        String doctype = "<!DOCTYPE " + rootName + " [ <!ENTITY secret SYSTEM \"" + entityUrl + "\"> ]>\n";
        String withDoctype = xml.replaceFirst("(<\\?xml[^>]*\\?>\\s*)", "$1" + doctype);
        return withDoctype.replaceFirst("<" + textElement + ">[^<]*</" + textElement + ">",
                "<" + textElement + ">&secret;</" + textElement + ">");
    }

    /** The document with a DOCTYPE that names an external DTD. */
    static String withExternalDtd(String xml, String rootName, String dtdUrl) {
        return xml.replaceFirst("(<\\?xml[^>]*\\?>\\s*)", "$1<!DOCTYPE " + rootName + " SYSTEM \"" + dtdUrl + "\">\n");
    }

    /** A zip whose one entry inflates to far more than its compressed size: the document padded with blanks. */
    static void zipBomb(Path zip, String entryName, String xml) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(entryName));
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[1 << 20]);
            out.closeEntry();
        }
    }
}
