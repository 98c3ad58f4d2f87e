package com.vproptrader.host.macro.sentiment;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One configured headline feed, RSS 2.0 ({@code channel/item}: title, guid or link, pubDate in RFC 1123) or Atom
 * ({@code feed/entry}: title, id, published or updated in ISO-8601). An item without a title or a readable date is
 * skipped. {@code knownAt}: for an {@code http(s)} feed, the time it was fetched (never the feed's own date: a
 * feed can back-date); a {@code file:} feed is an archive, its items are known from their publication time.
 * The XML parser refuses DTDs and external entities.
 */
public final class HeadlineFeed {
    private final String name;
    private final URI uri;
    private final String currency;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public HeadlineFeed(String name, URI uri, String currency, Clock clock) {
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("feed " + name + ": currency '" + currency + "' is not an ISO code");
        }
        this.name = name;
        this.uri = uri;
        this.currency = currency;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /** A {@code file:} feed: an archive, its items known from their publication time. */
    public boolean isArchive() {
        return "file".equals(uri.getScheme());
    }

    /** Reads the feed now; an unreachable or malformed feed throws with the reason. */
    public List<Headline> fetch() throws IOException, InterruptedException {
        boolean archive = isArchive();
        String xml;
        if (archive) {
            xml = Files.readString(Path.of(uri));
        } else {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("feed " + name + ": HTTP " + r.statusCode());
            }
            xml = r.body();
        }
        return parse(xml, archive ? null : clock.instant());
    }

    /** @param fetchedAt when a live feed was read; null for an archive (items known from their own date) */
    List<Headline> parse(String xml, Instant fetchedAt) throws IOException {
        Element root = document(xml).getDocumentElement();
        boolean atom = "feed".equals(root.getLocalName());
        NodeList items = atom ? root.getElementsByTagNameNS("*", "entry") : root.getElementsByTagName("item");
        List<Headline> out = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String title = text(item, "title");
            Instant published = atom ? iso(firstNonEmpty(text(item, "published"), text(item, "updated")))
                    : rfc1123(text(item, "pubDate"));
            if (title.isEmpty() || published == null) {
                continue;
            }
            String id = atom ? text(item, "id") : firstNonEmpty(text(item, "guid"), text(item, "link"));
            Instant known = fetchedAt == null ? published : fetchedAt;
            out.add(new Headline(name, id.isEmpty() ? title : id, title, currency, published, known));
        }
        return out;
    }

    private static Document document(String xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("feed is not readable XML: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && tag.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static Instant rfc1123(String s) {
        try {
            return s.isEmpty() ? null : ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant iso(String s) {
        try {
            return s.isEmpty() ? null : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
