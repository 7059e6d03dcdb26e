<?xml version="1.0" encoding="UTF-8"?>
<!-- HTML reading edition: one self-contained page (inline CSS, no scripts, no network), valid HTML5,
     responsive and printable. Everything this edition adds to the source's words carries class="editorial". -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:t="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="t">
  <xsl:import href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="css-href" select="''"/>
  <!-- No script, no plugin, no form, no remote fetch may ever run in an edition, whatever a source holds. -->
  <xsl:variable name="csp">default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'</xsl:variable>

  <xsl:template match="/">
    <xsl:variable name="lang" select="(/t:TEI/@xml:lang | /t:TEI/t:teiHeader/t:profileDesc/t:langUsage/t:language[1]/@ident)[1]"/>
    <html lang="{$lang}">
      <head>
        <!-- the charset meta element is written by the XSLT processor's html output method -->
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="tei-edition"/>
        <meta http-equiv="Content-Security-Policy" content="{$csp}"/>
        <title><xsl:call-template name="title"/></title>
        <style><xsl:call-template name="css"/></style>
      </head>
      <body>
        <header class="title-block">
          <p class="kind">Transcript</p>
          <h1><xsl:call-template name="title"/></h1>
          <xsl:call-template name="metadata"/>
          <xsl:for-each select="/t:TEI/t:teiHeader/t:fileDesc/t:notesStmt/t:note[@type = 'disclaimer']">
            <p class="disclaimer"><xsl:value-of select="normalize-space(.)"/></p>
          </xsl:for-each>
        </header>
        <main>
          <xsl:call-template name="participants"/>
          <section class="transcript" aria-labelledby="transcript-heading">
            <h2 id="transcript-heading" class="editorial">Transcript</h2>
            <xsl:apply-templates select="/t:TEI/t:text/t:front"/>
            <xsl:apply-templates select="/t:TEI/t:text/t:body/t:div"/>
          </section>
          <xsl:call-template name="notes"/>
        </main>
        <footer class="editorial">
          <p>Edition generated from TEI P5 by tei-edition. Citation links (such as
            <a href="#sp1">sp1</a>) point to turns and paragraphs by their xml:id.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ===== title block ==================================================================================== -->
  <xsl:template name="metadata">
    <xsl:variable name="iso"><xsl:call-template name="date-iso"/></xsl:variable>
    <xsl:variable name="printed"><xsl:call-template name="date-printed"/></xsl:variable>
    <xsl:variable name="speaker"><xsl:call-template name="principal"/></xsl:variable>
    <xsl:variable name="place"><xsl:call-template name="place"/></xsl:variable>
    <xsl:variable name="url"><xsl:call-template name="source-url"/></xsl:variable>
    <xsl:variable name="publisher"><xsl:call-template name="publisher"/></xsl:variable>
    <xsl:variable name="safe-url"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="$url"/></xsl:call-template></xsl:variable>
    <dl class="meta">
      <xsl:if test="$iso != ''">
        <dt>Date</dt><dd><time datetime="{$iso}"><xsl:value-of select="$printed"/></time></dd>
      </xsl:if>
      <xsl:if test="$speaker != ''"><dt>Speaker</dt><dd><xsl:value-of select="$speaker"/></dd></xsl:if>
      <xsl:if test="$place != ''"><dt>Place</dt><dd><xsl:value-of select="$place"/></dd></xsl:if>
      <dt>Source</dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$url != '' and string-length($safe-url) > 0"><a href="{$url}"><xsl:value-of select="$publisher"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="$publisher"/></xsl:otherwise>
        </xsl:choose>
      </dd>
    </dl>
  </xsl:template>

  <xsl:template name="participants">
    <section class="participants editorial" aria-labelledby="participants-heading">
      <h2 id="participants-heading">Participants</h2>
      <ul>
        <xsl:for-each select="/t:TEI/t:teiHeader/t:profileDesc/t:particDesc//*[self::t:person or self::t:personGrp]">
          <li id="person-{@xml:id}">
            <span class="person-name"><xsl:value-of select="normalize-space((t:persName | t:name)[1])"/></span>
            <xsl:if test="@role"><span class="role"><xsl:value-of select="concat(' (', @role, ')')"/></span></xsl:if>
            <xsl:if test="t:note[@type = 'labels']">
              <span class="labels"><xsl:value-of select="concat(' — ', substring-after(t:note[@type = 'labels'], 'Labels: '))"/></span>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- ===== the text ======================================================================================= -->
  <xsl:template match="t:front">
    <details class="source-header">
      <summary class="editorial">Header as printed in the source</summary>
      <xsl:for-each select="*">
        <p class="front-{local-name()}"><xsl:apply-templates mode="inline"/></p>
      </xsl:for-each>
    </details>
  </xsl:template>

  <xsl:template match="t:div">
    <section class="div">
      <xsl:if test="@xml:id"><xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute></xsl:if>
      <xsl:apply-templates select="*"/>
    </section>
  </xsl:template>

  <xsl:template match="t:head"><h3><xsl:apply-templates mode="inline"/></h3></xsl:template>

  <xsl:template match="t:stage"><p class="stage"><xsl:apply-templates mode="inline"/></p></xsl:template>

  <xsl:template match="t:div/t:p"><p><xsl:call-template name="id-and-cite"/><xsl:apply-templates mode="inline"/></p></xsl:template>

  <xsl:template match="t:div/t:gap[@resp = '#tei-edition']">
    <p class="lacuna editorial" role="note">[material skipped in the source]</p>
  </xsl:template>

  <xsl:template match="t:div/t:gap | t:div/t:vocal | t:div/t:kinesic | t:div/t:incident | t:div/t:pause
                       | t:div/t:note | t:sp/t:gap | t:sp/t:vocal | t:sp/t:kinesic | t:sp/t:incident | t:sp/t:pause">
    <p class="event-line"><xsl:apply-templates select="." mode="inline"/></p>
  </xsl:template>

  <xsl:template match="t:sp">
    <xsl:variable name="who" select="substring-after(@who, '#')"/>
    <div class="sp" id="{@xml:id}" data-who="{$who}">
      <p class="speaker">
        <a class="cite editorial" href="#{@xml:id}" title="Link to this turn"><xsl:value-of select="@xml:id"/></a>
        <xsl:choose>
          <xsl:when test="t:speaker/t:supplied">
            <a class="who supplied editorial" href="#person-{$who}">
              <xsl:value-of select="concat('[', normalize-space(t:speaker), ']')"/></a>
          </xsl:when>
          <xsl:otherwise>
            <a class="who" href="#person-{$who}"><xsl:apply-templates select="t:speaker/node()" mode="inline"/></a>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="contains(concat(' ', @ana, ' '), ' #interpreted ')">
          <span class="badge editorial">interpreted</span>
        </xsl:if>
        <xsl:apply-templates select="t:note[not(@place = 'inline')]" mode="inline"/>
      </p>
      <xsl:apply-templates select="*[not(self::t:speaker or self::t:note[not(@place = 'inline')])]"/>
    </div>
  </xsl:template>

  <xsl:template match="t:sp/t:p">
    <p><xsl:call-template name="id-and-cite"/><xsl:apply-templates mode="inline"/></p>
  </xsl:template>

  <xsl:template match="t:sp/t:note[@place = 'inline'] | t:sp/t:stage">
    <p class="event-line"><xsl:apply-templates select="." mode="inline"/></p>
  </xsl:template>

  <xsl:template name="id-and-cite">
    <xsl:if test="@xml:id">
      <xsl:attribute name="id"><xsl:value-of select="@xml:id"/></xsl:attribute>
      <a class="cite editorial" href="#{@xml:id}" title="Link to this paragraph"><xsl:value-of select="@xml:id"/></a>
    </xsl:if>
  </xsl:template>

  <!-- ===== inline (overrides the text forms of common.xsl) ================================================ -->
  <xsl:template match="t:gap" mode="inline">
    <span class="gap" title="{@reason}">
      <xsl:value-of select="concat('[', normalize-space(t:desc), ']')"/>
    </span>
  </xsl:template>

  <xsl:template match="t:foreign[t:gap]" mode="inline">
    <xsl:variable name="language"><xsl:call-template name="language-name"><xsl:with-param name="code" select="@xml:lang"/></xsl:call-template></xsl:variable>
    <span class="gap untranscribed" title="Untranscribed speech in {$language}">
      <xsl:value-of select="concat('[', normalize-space(t:gap/t:desc), ']')"/>
    </span>
  </xsl:template>

  <xsl:template match="t:gap[@resp = '#tei-edition']" mode="inline">
    <span class="gap editorial">[material skipped in the source]</span>
  </xsl:template>

  <xsl:template match="t:vocal | t:kinesic | t:incident | t:pause" mode="inline">
    <span class="event {local-name()}"><xsl:call-template name="remark-text"/></span>
  </xsl:template>

  <xsl:template match="t:foreign" mode="inline">
    <xsl:variable name="language"><xsl:call-template name="language-name"><xsl:with-param name="code" select="@xml:lang"/></xsl:call-template></xsl:variable>
    <span class="foreign" lang="{@xml:lang}"><xsl:apply-templates mode="inline"/></span>
    <sup class="lang-marker editorial"><abbr title="{$language}"><xsl:value-of select="@xml:lang"/></abbr></sup>
  </xsl:template>

  <xsl:template match="t:note[@place = 'inline']" mode="inline">
    <span class="source-note"><xsl:call-template name="open"/><xsl:apply-templates mode="inline"/><xsl:call-template name="close"/></span>
  </xsl:template>

  <xsl:template name="note-ref">
    <xsl:variable name="n"><xsl:call-template name="note-number"/></xsl:variable>
    <sup class="noteref editorial"><a id="noteref-{$n}" href="#note-{$n}" aria-label="Note {$n}"><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <xsl:template match="t:hi | t:emph" mode="inline"><em><xsl:apply-templates mode="inline"/></em></xsl:template>
  <xsl:template match="t:del" mode="inline"><del><xsl:apply-templates mode="inline"/></del></xsl:template>
  <xsl:template match="t:add" mode="inline"><ins class="add">[<xsl:apply-templates mode="inline"/>]</ins></xsl:template>
  <xsl:template match="t:supplied" mode="inline"><span class="supplied editorial">[<xsl:apply-templates mode="inline"/>]</span></xsl:template>
  <xsl:template match="t:unclear" mode="inline"><span class="unclear" title="uncertain reading"><xsl:apply-templates mode="inline"/></span></xsl:template>
  <xsl:template match="t:ref[@target]" mode="inline">
    <xsl:variable name="safe"><xsl:call-template name="safe-url"><xsl:with-param name="url" select="@target"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="string-length($safe) > 0"><a href="{@target}"><xsl:apply-templates mode="inline"/></a></xsl:when>
      <xsl:otherwise><span class="ref"><xsl:apply-templates mode="inline"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Security (README "Security"): a URL from the sources becomes a live link only with a safe scheme
       (http, https, mailto) or none (relative, #fragment); javascript:, data:, vbscript: and every other scheme
       are shown unlinked. Checked on the URL as a browser reads it: case-folded, whitespace removed.
       Non-empty output means safe. -->
  <xsl:template name="safe-url">
    <xsl:param name="url"/>
    <xsl:variable name="u" select="translate($url, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ &#9;&#10;&#13;', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="scheme" select="substring-before($u, ':')"/>
    <xsl:if test="$u != '' and (not(contains($u, ':')) or contains($scheme, '/') or contains($scheme, '?')
                  or contains($scheme, '#') or $scheme = 'http' or $scheme = 'https' or $scheme = 'mailto')">yes</xsl:if>
  </xsl:template>
  <xsl:template match="t:persName | t:placeName | t:orgName | t:name | t:date" mode="inline">
    <span class="{local-name()}"><xsl:apply-templates mode="inline"/></span>
  </xsl:template>
  <xsl:template match="t:lb" mode="inline"><br/></xsl:template>

  <!-- ===== notes ========================================================================================== -->
  <xsl:template name="notes">
    <xsl:variable name="notes" select="/t:TEI/t:text/t:body//t:note[not(@place = 'inline')]"/>
    <xsl:if test="$notes">
      <section class="notes editorial" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n"><xsl:call-template name="note-number"/></xsl:variable>
            <li id="note-{$n}"><xsl:apply-templates mode="inline"/><xsl:text> </xsl:text>
              <a class="backref" href="#noteref-{$n}" aria-label="Back to the text of note {$n}">↩</a></li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== style ========================================================================================== -->
  <xsl:template name="css">
:root { --ink: #1d1d1f; --muted: #5b5b60; --rule: #d8d8de; --accent: #7a2e12; --paper: #fffdf8; --mark: #f3ede2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 1.0625rem/1.6 Georgia, "Iowan Old Style", "Palatino Linotype", Palatino, serif; }
header.title-block, main, footer { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem; }
header.title-block { padding-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 1.25rem; }
.kind { text-transform: uppercase; letter-spacing: .12em; font: 600 .75rem/1 system-ui, sans-serif; color: var(--accent); margin: 0; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .4rem 0 1rem; }
h2 { font: 600 .8rem/1.2 system-ui, sans-serif; text-transform: uppercase; letter-spacing: .1em; color: var(--muted); margin: 2.2rem 0 .8rem; }
h3 { font-size: 1.15rem; margin: 2rem 0 .6rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; font: .9rem/1.5 system-ui, sans-serif; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; }
.disclaimer { font: .8rem/1.45 system-ui, sans-serif; color: var(--muted); border-left: 3px solid var(--rule); padding-left: .75rem; margin-top: 1rem; }
a { color: var(--accent); }
.participants ul { list-style: none; padding: 0; margin: 0; font: .9rem/1.5 system-ui, sans-serif; }
.participants .person-name { font-weight: 600; } .participants .role, .participants .labels { color: var(--muted); }
details.source-header { font-size: .9rem; color: var(--muted); margin: 0 0 1.5rem; }
details.source-header summary { cursor: pointer; font: .8rem/1.4 system-ui, sans-serif; }
.sp { position: relative; margin: 0 0 1.4rem; }
.speaker { margin: 0 0 .25rem; font: 700 .82rem/1.4 system-ui, sans-serif; letter-spacing: .06em; }
.speaker a.who { color: var(--ink); text-decoration: none; }
.speaker .supplied { color: var(--muted); font-style: italic; }
.badge { font: 600 .68rem/1 system-ui, sans-serif; text-transform: uppercase; border: 1px solid var(--rule); border-radius: 3px; padding: .15rem .3rem; margin-left: .4rem; color: var(--muted); }
.sp p, .div > p { margin: 0 0 .7rem; position: relative; }
a.cite { position: absolute; left: -5.2rem; width: 4.6rem; text-align: right; font: .68rem/1.9 ui-monospace, monospace; color: #6e6e73; text-decoration: none; overflow-wrap: anywhere; }
a.cite:hover, a.cite:focus { color: var(--accent); text-decoration: underline; }
.gap { background: var(--mark); border-radius: 3px; padding: 0 .2rem; font-family: system-ui, sans-serif; font-size: .85em; color: #5a3d2b; }
.event, .source-note, .stage { font-style: italic; color: var(--muted); }
.stage { margin: .3rem 0 1rem; }
.event-line { margin: 0 0 .7rem; }
.lacuna { text-align: center; color: var(--muted); font: .85rem system-ui, sans-serif; letter-spacing: .05em; }
.foreign { font-style: italic; }
.lang-marker { font: 600 .6rem/1 system-ui, sans-serif; color: var(--muted); margin-left: .1rem; }
.lang-marker abbr { text-decoration: none; }
.noteref a { text-decoration: none; font: 600 .7rem/1 system-ui, sans-serif; }
ins.add { text-decoration: none; }
del { color: var(--muted); }
.notes ol { font: .88rem/1.5 system-ui, sans-serif; padding-left: 1.5rem; }
.notes li:target, .sp:target, p:target { background: #fff3c4; }
footer { color: var(--muted); font: .78rem/1.5 system-ui, sans-serif; border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; }
@media (max-width: 62rem) {
  a.cite { position: static; display: inline-block; width: auto; margin-right: .45rem; line-height: 1; }
}
@media (max-width: 30rem) {
  body { font-size: 1rem; } h1 { font-size: 1.5rem; }
  dl.meta { grid-template-columns: 1fr; } dl.meta dd { margin-bottom: .3rem; }
}
@media print {
  body { background: #fff; font-size: 10.5pt; }
  header.title-block, main, footer { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  a.cite { position: static; font-size: 7pt; color: #555; margin-right: .3rem; }
  details.source-header > *:not(summary) { display: block; }
  .sp { break-inside: avoid-page; }
  .notes { break-before: page; }
  footer { display: none; }
}
  </xsl:template>
</xsl:stylesheet>
