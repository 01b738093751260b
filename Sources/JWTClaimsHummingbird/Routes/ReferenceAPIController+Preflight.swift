import HTTPTypes
import Hummingbird

extension ReferenceAPIController {
    /// Which key decides a preflight.
    enum PreflightTarget: Sendable {
        /// The refresh path: the key named in the path.
        case pathKey
        /// The other keyed POSTs (issue, custom, revoke, verify): browsers send no custom headers on a preflight, so
        /// no key is known yet; the preflight succeeds when at least one configured key allows the origin, and the
        /// real request is then checked against its own key (403 `origin_not_allowed`, nothing used up).
        case anyKey
        /// Public GETs: any origin.
        case anyOrigin
    }

    /// `OPTIONS` for every path: a CORS preflight (a request with `Origin` and `Access-Control-Request-Method`) gets
    /// 204 with the `Access-Control-Allow-*` headers, or 403 `origin_not_allowed` (401 `invalid_client` for an
    /// unknown key in the refresh path); any other `OPTIONS` gets 204 with `Allow`. Preflights to keyed paths draw
    /// from the client address's rate limit.
    func addPreflightRoutes(to router: some RouterMethods<Context>, token: RouterGroup<Context>) {
        let keyedPost: [HTTPRequest.Method] = [.post, .options]
        let publicGet: [HTTPRequest.Method] = [.get, .options]
        for segment in [Self.issueSegment, Self.customSegment, Self.revokeSegment] {
            token.on(RouterPath(segment), method: .options) { request, context in
                try preflight(request, context, target: .anyKey, methods: keyedPost)
            }
        }
        token.on(RouterPath("{\(Self.keyIDParameter)}"), method: .options) { request, context in
            try preflight(request, context, target: .pathKey, methods: keyedPost)
        }
        token.on(RouterPath(Self.jwksSegment), method: .options) { request, context in
            try preflight(request, context, target: .anyOrigin, methods: publicGet)
        }
        router.on(RouterPath(Self.verifyPath), method: .options) { request, context in
            try preflight(request, context, target: .anyKey, methods: keyedPost)
        }
        for path in [Self.wellKnownJWKSPath, Self.healthPath, Self.openAPIPath] {
            router.on(RouterPath(path), method: .options) { request, context in
                try preflight(request, context, target: .anyOrigin, methods: publicGet)
            }
        }
    }

    /// Answers one `OPTIONS` request.
    func preflight(
        _ request: Request,
        _ context: Context,
        target: PreflightTarget,
        methods: [HTTPRequest.Method]
    ) throws -> Response {
        var fields: HTTPFields = [:]
        let methodList = methods.map(\.rawValue).joined(separator: ", ")
        guard let origin = request.headers[.origin], request.headers[.accessControlRequestMethod] != nil else {
            fields[.allow] = methodList
            return Response(status: .noContent, headers: fields)
        }
        switch target {
        case .anyOrigin:
            fields[.accessControlAllowOrigin] = "*"
        case .anyKey:
            try limit(.address(Self.address(of: context)))
            guard configuration.apiKeys.keys.contains(where: { $0.allowedOrigins.allows(origin) }) else {
                throw ServiceError.originNotAllowed()
            }
            fields[.accessControlAllowOrigin] = origin
            fields.append(HTTPField(name: .vary, value: "Origin"))
        case .pathKey:
            try limit(.address(Self.address(of: context)))
            let id = context.parameters.get(Self.keyIDParameter) ?? ""
            guard let key = configuration.apiKeys.key(forID: id) else {
                throw ServiceError.invalidClient(afterBasic: false)
            }
            guard key.allowedOrigins.allows(origin) else {
                throw ServiceError.originNotAllowed()
            }
            fields[.accessControlAllowOrigin] = origin
            fields.append(HTTPField(name: .vary, value: "Origin"))
        }
        fields[.accessControlAllowMethods] = methodList
        fields[.accessControlAllowHeaders] = CORSPolicy.allowedRequestHeaders
        fields[.accessControlMaxAge] = String(configuration.preflightMaxAge.components.seconds)
        return Response(status: .noContent, headers: fields)
    }
}
