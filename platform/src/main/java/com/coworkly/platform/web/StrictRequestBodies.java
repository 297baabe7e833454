package com.coworkly.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * How request bodies are read: as one JSON document whose values have the types the API documents. Jackson's
 * defaults are lenient in ways a hostile-input fuzzer shows up (docs/reliability.md, "Hostile input"):
 *
 * <ul>
 *   <li>a name given twice: the last one won, and for a record of one field Jackson failed as if the server were
 *       broken (a 500); now the body is malformed;</li>
 *   <li>anything after the document was ignored; now the body is malformed;</li>
 *   <li>a number or {@code true} where text is expected became that text ({@code "name": true} named a space
 *       "true"), a number where {@code true} or {@code false} is expected became one, a number named an enum
 *       constant by its position, and a number was read as seconds since 1970 where a date and time is expected;
 *       now each is the wrong type.</li>
 * </ul>
 *
 * Only request bodies are read this way: the services' own mapper, which reads what they stored themselves, keeps
 * Spring Boot's configuration, and events are read with Axon's mapper.
 */
public final class StrictRequestBodies {

    private StrictRequestBodies() {}

    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (CoercionInputShape scalar :
                List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            strict.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.registerModule(new SimpleModule("dates-and-times-as-text")
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(
                            DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                        return Temporal.class.isAssignableFrom(bean.getBeanClass())
                                ? new TextOnly(deserializer)
                                : deserializer;
                    }
                }));
        return strict;
    }

    /** A date or time given as text (ISO 8601), not as a number or an array of its fields. */
    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != null && (token.isNumeric() || token == JsonToken.START_ARRAY)) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
