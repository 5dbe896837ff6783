package dk.rampe.monthlyreport;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dk.rampe.platform.LambdaJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's event (payload 2.0) read from its JSON, and the answer written as JSON, as the Lambda
 * runtime's serializer read and wrote them: the same field names, unknown fields ignored, a missing or null
 * field left null (a boolean false), a number or boolean where text is expected taken as its text. What the
 * admin routes never read (IAM and Lambda authorizers' contexts beyond the JWT's claims and scopes) is not
 * kept. A value of the wrong kind (an object where text is expected) makes the event unreadable; the error
 * says which field, never its value.
 */
final class HttpEvent {
    private HttpEvent() {
    }

    /** The event of this JSON text (UTF-8). */
    static APIGatewayV2HTTPEvent read(byte[] json) {
        Map<String, Object> o = object(LambdaJson.read(json), "event");
        if (o == null) return null;
        APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
        e.setVersion(text(o, "version"));
        e.setRouteKey(text(o, "routeKey"));
        e.setRawPath(text(o, "rawPath"));
        e.setRawQueryString(text(o, "rawQueryString"));
        e.setCookies(texts(o, "cookies"));
        e.setHeaders(textMap(o, "headers"));
        e.setQueryStringParameters(textMap(o, "queryStringParameters"));
        e.setPathParameters(textMap(o, "pathParameters"));
        e.setStageVariables(textMap(o, "stageVariables"));
        e.setBody(text(o, "body"));
        e.setIsBase64Encoded(flag(o, "isBase64Encoded"));
        Map<String, Object> c = object(o.get("requestContext"), "requestContext");
        if (c != null) {
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setRouteKey(text(c, "routeKey"));
            context.setAccountId(text(c, "accountId"));
            context.setStage(text(c, "stage"));
            context.setApiId(text(c, "apiId"));
            context.setDomainName(text(c, "domainName"));
            context.setDomainPrefix(text(c, "domainPrefix"));
            context.setTime(text(c, "time"));
            context.setTimeEpoch(epoch(c, "timeEpoch"));
            context.setRequestId(text(c, "requestId"));
            Map<String, Object> h = object(c.get("http"), "http");
            if (h != null) {
                APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
                http.setMethod(text(h, "method"));
                http.setPath(text(h, "path"));
                http.setProtocol(text(h, "protocol"));
                http.setSourceIp(text(h, "sourceIp"));
                http.setUserAgent(text(h, "userAgent"));
                context.setHttp(http);
            }
            Map<String, Object> a = object(c.get("authorizer"), "authorizer");
            if (a != null) {
                APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                        new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
                Map<String, Object> j = object(a.get("jwt"), "jwt");
                if (j != null) {
                    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt =
                            new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
                    jwt.setClaims(textMap(j, "claims"));
                    jwt.setScopes(texts(j, "scopes"));
                    authorizer.setJwt(jwt);
                }
                context.setAuthorizer(authorizer);
            }
            e.setRequestContext(context);
        }
        return e;
    }

    /**
     * The answer as the runtime's serializer wrote it for API Gateway: {@code statusCode}, {@code headers},
     * {@code multiValueHeaders}, {@code cookies}, {@code body} (each left out when null) and
     * {@code isBase64Encoded}.
     */
    static String write(APIGatewayV2HTTPResponse response) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("statusCode", response.getStatusCode());
        if (response.getHeaders() != null) o.put("headers", response.getHeaders());
        if (response.getMultiValueHeaders() != null) o.put("multiValueHeaders", response.getMultiValueHeaders());
        if (response.getCookies() != null) o.put("cookies", response.getCookies());
        if (response.getBody() != null) o.put("body", response.getBody());
        o.put("isBase64Encoded", response.getIsBase64Encoded());
        return LambdaJson.write(o, new StringBuilder()).toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String field) {
        if (v == null || v instanceof Map) return (Map<String, Object>) v;
        throw unreadable(field);
    }

    private static String text(Map<String, Object> o, String field) {
        return scalar(o.get(field), field);
    }

    /** Text as Jackson coerces it into a String ({@link LambdaJson#text}); an object or array is refused on its field. */
    private static String scalar(Object v, String field) {
        try {
            return LambdaJson.text(v);
        } catch (IllegalArgumentException e) {
            throw unreadable(field);
        }
    }

    private static List<String> texts(Map<String, Object> o, String field) {
        Object v = o.get(field);
        if (v == null) return null;
        if (!(v instanceof List<?> list)) throw unreadable(field);
        List<String> out = new ArrayList<>(list.size());
        for (Object x : list) out.add(scalar(x, field));
        return out;
    }

    private static Map<String, String> textMap(Map<String, Object> o, String field) {
        Map<String, Object> m = object(o.get(field), field);
        if (m == null) return null;
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, scalar(v, field)));
        return out;
    }

    private static boolean flag(Map<String, Object> o, String field) {
        Object v = o.get(field);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw unreadable(field);
    }

    private static long epoch(Map<String, Object> o, String field) {
        Object v = o.get(field);
        if (v == null) return 0;
        try {
            if (v instanceof BigDecimal n) return n.longValueExact();
        } catch (ArithmeticException e) {
            throw unreadable(field);
        }
        throw unreadable(field);
    }

    private static IllegalArgumentException unreadable(String field) {
        return new IllegalArgumentException("not an HTTP API event: " + field + " has the wrong kind of value");
    }
}
