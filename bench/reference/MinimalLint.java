import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.util.List;

/**
 * The reference program of issue #8: it only parses one values file with Jackson and validates
 * it with networknt against the chart's schema. The benchmark times it beside pwk so that the
 * goals, which were set on another machine, can be read on this one.
 */
public final class MinimalLint {
  public static void main(String[] args) throws Exception {
    JsonNode values = new YAMLMapper().readTree(new File(args[0]));
    JsonNode schemaTree = new ObjectMapper().readTree(new File(args[1]));
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaTree);
    List<Error> errors = schema.validate(values);
    for (Error e : errors) {
      System.out.println(e);
    }
    System.exit(errors.isEmpty() ? 0 : 1);
  }
}
