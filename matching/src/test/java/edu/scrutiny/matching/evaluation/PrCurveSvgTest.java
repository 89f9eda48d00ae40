package edu.scrutiny.matching.evaluation;

import edu.scrutiny.matching.evaluation.EvaluationReport.NamePairs;
import edu.scrutiny.matching.evaluation.EvaluationReport.PairGroup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrCurveSvgTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static NamePairs sixPairs() {
        List<Judgement> six = MetricsTest.SIX;
        PairGroup all = new PairGroup("all", six.size(), 3, Metrics.atOwnThresholds(six), ThresholdSweep.of(six));
        return new NamePairs("six.csv", six.size(), EvaluationReport.Reference.LOGIC_V2, List.of(all), List.of());
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document doc, String id) {
        NodeList all = doc.getElementsByTagNameNS(SVG_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    @Test
    void isWellFormedStandaloneSvg() throws Exception {
        Document doc = parse(PrCurveSvg.of(sixPairs()));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("viewBox")).isNotBlank();
        assertThat(root.getElementsByTagNameNS(SVG_NS, "title").getLength()).isEqualTo(1);
    }

    @Test
    void plotsOnePointPerThresholdThatFlagsSomething() throws Exception {
        Document doc = parse(PrCurveSvg.of(sixPairs()));
        Element curve = byId(doc, "curve");
        assertThat(curve).isNotNull();
        assertThat(curve.getLocalName()).isEqualTo("polyline");
        String[] points = curve.getAttribute("points").trim().split("\\s+");
        // thresholds 0.00 to 0.90 flag the 0.9 case at least; 0.91 to 1.00 flag nothing
        assertThat(points).hasSize(91);
        // the first point is threshold 0: recall 1 (right edge of the plot), precision 0.5 (half-way up)
        String[] first = points[0].split(",");
        String[] last = points[points.length - 1].split(",");
        assertThat(Double.parseDouble(first[0])).isGreaterThan(Double.parseDouble(last[0]));
        assertThat(Double.parseDouble(first[1])).isGreaterThan(Double.parseDouble(last[1]));
    }

    @Test
    void marksTheDefaultTheBestAndTheReference() throws Exception {
        Document doc = parse(PrCurveSvg.of(sixPairs()));
        assertThat(byId(doc, "default")).isNotNull();
        assertThat(byId(doc, "best")).isNotNull();
        assertThat(byId(doc, "reference")).isNotNull();
        assertThat(doc.getDocumentElement().getTextContent())
                .contains("Recall").contains("Precision").contains("OpenSanctions logic-v2").contains("six.csv");
    }
}
