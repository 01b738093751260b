import FuzzSupport
import JWTClaims
import JWTClaimsWireFormat

/// The JSON parser, with a differential check against its own writer.
///
/// For every input: parsing either fails with a well-formed `JWTError` (a parse code and an offset inside the
/// input), or gives a value `v` such that writing `v`, parsing that text and writing again gives the same value and
/// the same bytes; the typed views (registered claims, numbers, Codable) never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = unsafe inputBytes(data, size)
    checkJSON(input)
    return 0
}

/// The process entry point (SwiftPM links `main` to `FuzzJSON_main`): hands over to libFuzzer's driver.
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    unsafe runFuzzer(argc, argv, warmUp: warmUp, callback: callback)
}

/// Makes the lazily created globals before the first input (see `runFuzzer`).
private func warmUp() {
    _ = (parseErrors, tightOptions)
}

private func callback(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = unsafe data else { return 0 }
    return unsafe fuzzJSON(data, size)
}

private let parseErrors: Set<JWTError.Code> = [.invalidJSON, .duplicateMember, .limitExceeded]

/// Small bounds, so the fuzzer also reaches every limit check with short inputs.
private let tightOptions: JSONParsingOptions = {
    var options = JSONParsingOptions()
    options.maximumDepth = 4
    options.maximumNumberLength = 12
    options.maximumStringLength = 16
    options.maximumContainerCount = 4
    options.maximumInputSize = 512
    return options
}()

private func checkJSON(_ input: [UInt8]) {
    let value: JSONValue
    do {
        value = try JSONValue(parsing: input)
    } catch {
        requireWellFormed(error, codes: parseErrors, inputLength: input.count, input)
        // JSONObject and ClaimSet must refuse what JSONValue refuses.
        require((try? JSONObject(parsing: input)) == nil, "JSONObject accepted what JSONValue refused", input)
        checkTightBounds(input, acceptedByDefault: false)
        return
    }
    checkRoundTrip(value, input)
    checkTightBounds(input, acceptedByDefault: true)
    checkReferenceBodies(input)
    walk(value, input)
    if case .object(let object) = value {
        checkObject(object, input)
    } else {
        // A document that is not an object is refused by the object parsers with invalidJSON.
        do {
            _ = try JSONObject(parsing: input)
            invariantFailure("JSONObject accepted a non-object document", input)
        } catch {
            requireWellFormed(error, codes: [.typeMismatch], inputLength: input.count, input)
        }
    }
}

/// Parse, write, parse again: the same value and the same bytes.
private func checkRoundTrip(_ value: JSONValue, _ input: [UInt8]) {
    let written = value.serializedBytes()
    let reparsed: JSONValue
    do {
        reparsed = try JSONValue(parsing: written)
    } catch {
        invariantFailure("the writer's output does not parse: \(error)\n  written: \(value.serialized())", input)
    }
    require(reparsed == value, "re-parsing the written text gave a different value", input)
    require(reparsed.hasSameValue(as: value), "re-parsed value is not the same value", input)
    require(reparsed.hashValue == value.hashValue, "equal values hash differently", input)
    let rewritten = reparsed.serializedBytes()
    require(rewritten == written, "writing twice gave different bytes", input)
    require(value.serialized().utf8.elementsEqual(written), "serialized() and serializedBytes() disagree", input)
}

/// The same input under small bounds: refused with a well-formed error, or accepted as the same value.
private func checkTightBounds(_ input: [UInt8], acceptedByDefault: Bool) {
    do {
        let value = try JSONValue(parsing: input, options: tightOptions)
        require(acceptedByDefault, "tighter bounds accepted what the defaults refused", input)
        require(
            (try? JSONValue(parsing: input)) == value,
            "tighter bounds gave a different value",
            input
        )
    } catch {
        requireWellFormed(error, codes: parseErrors, inputLength: input.count, input)
    }
}

/// The custom-claims endpoint's request and response bodies: strict, and written back to the same body.
private func checkReferenceBodies(_ input: [UInt8]) {
    let bodyErrors: Set<JWTError.Code> = parseErrors.union([.typeMismatch])
    do {
        let request = try CustomClaimsRequest(parsing: input)
        let again = try CustomClaimsRequest(parsing: Array(request.serialized().utf8))
        require(again == request, "a request body does not survive serialized()", input)
    } catch {
        requireWellFormed(error, codes: bodyErrors, inputLength: Int.max, input)
    }
    do {
        let response = try CustomClaimsResponse(parsing: input)
        let again = try CustomClaimsResponse(parsing: Array(response.serialized().utf8))
        require(again == response, "a response body does not survive serialized()", input)
    } catch {
        requireWellFormed(error, codes: bodyErrors, inputLength: Int.max, input)
    }
}

/// Every accessor of every value, without recursion (depth is bounded by the parser anyway).
private func walk(_ root: JSONValue, _ input: [UInt8]) {
    var pending = [root]
    var visited = 0
    while let value = pending.popLast() {
        visited += 1
        switch value {
        case .number(let number):
            require(JSONNumber(number.text) == number, "a number's text does not parse back to it", input)
            if let integer = number.int64Value {
                // `isInteger` is about the text (`2.0` is not an integer literal); the value must still be exact.
                require(number.hasSameValue(as: JSONNumber(integer)), "int64Value changed the value", input)
            }
            if let unsigned = number.uint64Value {
                require(number.hasSameValue(as: JSONNumber(unsigned)), "uint64Value changed the value", input)
            }
            if let double = number.doubleValue {
                require(double.isFinite, "doubleValue is not finite", input)
            }
            _ = try? NumericDate(number)
        case .string(let string):
            _ = JSONValue.string(string).serialized()
        case .array(let elements):
            require(value[elements.count] == nil, "subscript past the end of an array", input)
            pending.append(contentsOf: elements)
        case .object(let object):
            for name in object.names {
                require(object[name] != nil, "a member cannot be found by its own name", input)
                require(object.index(forName: name) != nil, "a member has no index", input)
            }
            pending.append(contentsOf: object.map(\.1))
        case .null, .bool:
            break
        }
    }
    require(visited >= 1, "walked nothing", input)
}

/// A claims shape with every registered claim optional, to drive the Codable bridge with hostile members.
private struct RegisteredClaims: Decodable {
    var iss: String?
    var sub: String?
    var aud: [String]?
    var exp: Int64?
    var nbf: Double?
    var iat: Int?
    var jti: String?
    var extra: [String: String]?
}

private func checkObject(_ object: JSONObject, _ input: [UInt8]) {
    let claims: ClaimSet
    do {
        claims = try ClaimSet(parsing: String(decoding: input, as: UTF8.self))
    } catch {
        // Only inputs that are not valid UTF-8 change when made a String: decoding replaces their bad bytes.
        require(!input.isValidUTF8, "ClaimSet refused a valid object: \(error)", input)
        return
    }
    require(claims.object == object, "ClaimSet parsed the object differently", input)
    _ = claims.issuer
    _ = claims.subject
    _ = claims.jwtID
    _ = claims.audience?.values
    _ = claims.expiration?.secondsSince1970
    _ = claims.notBefore?.secondsSince1970
    _ = claims.issuedAt?.secondsSince1970
    _ = try? claims.decode(RegisteredClaims.self)
    do {
        let reencoded = try ClaimSet(encoding: claims.object)
        require(
            JSONValue.object(reencoded.object).hasSameValue(as: .object(object)),
            "encoding the object changed it",
            input
        )
    } catch {
        require(!error.reason.isEmpty, "an error without a reason: \(error.code)", input)
    }
}

extension [UInt8] {
    fileprivate var isValidUTF8: Bool {
        var iterator = makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
