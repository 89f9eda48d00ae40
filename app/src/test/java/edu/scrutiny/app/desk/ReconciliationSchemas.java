package edu.scrutiny.app.desk;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The W3C Reconciliation API 0.2 JSON Schemas from {@code ../shared/spec/reconciliation-0.2/}
 * (read from there, never copied into the repository). The manifest's schema refers to two
 * documents by URL: {@code type.json} (beside it, inlined here) and Swagger 2's security definition
 * for {@code authentication} (outside; the tests check that member by hand).
 */
final class ReconciliationSchemas {
    static final Path DIR = Path.of(System.getProperty("scrutiny.spec", "/work/shared/spec/reconciliation-0.2"));

    private ReconciliationSchemas() {
    }

    static boolean present() {
        return Files.isRegularFile(DIR.resolve("manifest.json"));
    }

    static Schema load(String file) throws Exception {
        ObjectNode schema = (ObjectNode) DeskServer.JSON.readTree(Files.readString(DIR.resolve(file)));
        schema.remove("$schema"); // "http://json-schema.org/schema#" names no draft; they are written for draft 7
        schema.remove("$id");
        if (file.equals("manifest.json")) {
            ObjectNode properties = (ObjectNode) schema.get("properties");
            properties.putObject("authentication"); // Swagger's definition, outside: checked by hand
            ObjectNode type = (ObjectNode) DeskServer.JSON.readTree(Files.readString(DIR.resolve("type.json")));
            type.remove("$id");
            ((ObjectNode) type.get("properties")).putObject("broader").put("type", "array");
            ((ObjectNode) properties.get("defaultTypes")).set("items", type);
        }
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema.toString());
    }

    /** The problems a document has against a schema file (empty when valid). */
    static List<String> problems(String file, JsonNode document) throws Exception {
        return load(file).validate(document).stream().map(Error::toString).toList();
    }
}
