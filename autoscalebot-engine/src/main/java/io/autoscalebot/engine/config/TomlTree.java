package io.autoscalebot.engine.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The tree of a parsed TOML document, read from the parser's tokens as {@code ObjectMapper.readTree} reads it (the
 * same node for each token and number type), without an {@code ObjectMapper}: its set-up loaded some 300 databind
 * classes (serializers, deserializers, date formats) and was about a seventh of {@code config validate}, which
 * needs none of them (issue 11).
 */
final class TomlTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TomlTree() {
    }

    /**
     * @param parser a parser at the first token of a value
     * @return that value's tree; the parser is left at the value's last token
     * @throws IOException when the parser cannot read on (a TOML parser has read the whole text before its first token)
     */
    static JsonNode read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode table = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    table.set(key, read(parser));
                }
                return table;
            }
            case START_ARRAY -> {
                ArrayNode items = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return items;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return switch (parser.getNumberType()) {
                    case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
                    case FLOAT -> NODES.numberNode(parser.getFloatValue());
                    default -> NODES.numberNode(parser.getDoubleValue());
                };
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_EMBEDDED_OBJECT -> {
                return NODES.pojoNode(parser.getEmbeddedObject());
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }
}
