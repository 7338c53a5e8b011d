import CLibXML2
import Foundation

/// Visible text of an HTML page, parsed with libxml2's forgiving HTML parser.
///
/// Keeps headings, paragraphs, list items and blockquotes as separate blocks; drops script, style,
/// navigation, asides, footers and forms. Entities are decoded by the parser.
public enum HTMLText {
    /// Elements whose whole subtree is not article text.
    static let dropped: Set<String> = ["script", "style", "nav", "aside", "footer", "form", "noscript", "template",
                                       "svg", "iframe", "button", "select", "textarea", "head", "menu", "dialog", "object"]
    /// Elements that start a new block of text.
    static let blocks: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr",
                                      "section", "article", "header", "main", "figure", "figcaption", "pre", "dt", "dd",
                                      "ul", "ol", "table", "hr", "address", "details", "summary", "caption", "td", "th"]

    /// The extracted text (blocks separated by blank lines), the page title, and a warning if the
    /// parser had to give up.
    public static func extract(_ html: String) -> (text: String, title: String?, warning: String?) {
        xmlInitParser()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        let bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return ("", nil, nil) }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { chars in
                    htmlReadMemory(chars, Int32(buf.count), nil, "UTF-8", options)
                }
            }
        }
        guard let doc else { return ("", nil, "the HTML parser could not read this page") }
        defer { xmlFreeDoc(doc) }
        var collector = BlockCollector()
        var title: String? = nil
        if let root = xmlDocGetRootElement(doc) {
            title = findTitle(root)
            walk(root, into: &collector)
        }
        collector.endBlock()
        return (collector.blocks.joined(separator: "\n\n"), title, nil)
    }

    private static func name(of node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    private static func findTitle(_ node: xmlNodePtr) -> String? {
        var stack: [xmlNodePtr] = [node]
        while let current = stack.popLast() {
            if current.pointee.type == XML_ELEMENT_NODE, name(of: current) == "title" {
                if let content = xmlNodeGetContent(current) {
                    defer { xmlFree(content) }
                    let t = String(cString: content).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                    return t.isEmpty ? nil : t
                }
            }
            var child = current.pointee.children
            while let c = child { stack.append(c); child = c.pointee.next }
        }
        return nil
    }

    private static func walk(_ node: xmlNodePtr, into collector: inout BlockCollector) {
        var child: xmlNodePtr? = node
        // Iterative over siblings, recursive over depth (HTML depth is small; libxml2 caps it).
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = name(of: current)
                if !dropped.contains(tag) {
                    let isBlock = blocks.contains(tag)
                    if isBlock { collector.endBlock() }
                    if let first = current.pointee.children { walk(first, into: &collector) }
                    if isBlock { collector.endBlock() }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    collector.append(String(cString: content))
                }
            default:
                break
            }
            child = current.pointee.next
            if current == node && node.pointee.parent?.pointee.type == XML_DOCUMENT_NODE { /* root element siblings */ }
        }
    }
}

/// Accumulates inline text into blocks, folding white space.
struct BlockCollector {
    var blocks: [String] = []
    var current = ""

    mutating func append(_ text: String) {
        current += text
    }

    mutating func endBlock() {
        let folded = current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
            .joined(separator: " ")
        if !folded.isEmpty { blocks.append(folded) }
        current = ""
    }
}
