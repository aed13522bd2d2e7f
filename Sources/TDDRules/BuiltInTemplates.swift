// The two design-document templates the built-in profiles come from, verbatim.

extension BuiltInProfiles {
    /// The standard template: 11 sections with `**Label:**` fields.
    static let standardTemplate = #"""
# Technical Design Document (TDD)

## 1. Introduction
- **Purpose:**  
  Explain why this document exists and what it aims to cover.
- **Scope:**  
  Define what parts of the system this document addresses.
- **Audience:**  
  List who should read this document (e.g., developers, architects, QA).

## 2. System Overview
- **Product Summary:**  
  A brief description of the product and its primary functions.
- **Key Objectives:**  
  Outline what this design aims to achieve (e.g., scalability, performance, reliability).

## 3. Architecture Overview
- **High-Level Architecture Diagram:**  
  _Include a diagram if possible (can be referenced externally or added as an appendix)._
- **Design Rationale:**  
  Explain why you chose a particular architecture (e.g., microservices, monolithic, serverless).

## 4. Component Design
- **Modules / Components:**  
  List and describe each major module or component.
  - **Module Name:**  
    _Description, responsibilities, and key functionality._
  - **Interactions:**  
    _How does this module interact with others?_

## 5. Data Design
- **Data Models & Schemas:**  
  Detail key data structures, database schemas, or storage mechanisms.
- **Data Flow:**  
  Explain how data moves through the system (use diagrams where helpful).

## 6. API and Interface Specifications
- **Internal APIs:**  
  Outline the interfaces between internal components.
- **External APIs:**  
  Describe any third-party integrations or exposed endpoints.
- **Interface Contracts:**  
  Provide details on request/response formats, error handling, etc.

## 7. Technology Stack
- **Languages & Frameworks:**  
  List primary programming languages, frameworks, libraries you plan to use.
- **Infrastructure & Tools:**  
  Describe databases, hosting platforms, CI/CD tools, and other relevant tools.

## 8. Security & Performance Considerations
- **Security Measures:**  
  Outline authentication, authorization, data encryption, and other security practices.
- **Performance Goals:**  
  Define expected response times, load capacities, and scalability strategies.

## 9. Deployment & Environment Strategy
- **Deployment Process:**  
  High-level overview of how the system will be deployed (staging, production).
- **Environments:**  
  Describe the setup of development, testing, and production environments.
- **Monitoring:**  
  Mention any tools or strategies for performance and system monitoring.

## 10. Risks & Mitigation Strategies
- **Potential Risks:**  
  List out identified risks (technical, resource-related, etc.).
- **Mitigation Plans:**  
  Brief strategies on how each risk will be tackled.

## 11. Appendices
- **Glossary:**  
  Define technical terms and abbreviations used.
- **References:**  
  List any external documentation or assets referenced in this document.
"""#

    /// The extended template: 15 sections with bracketed instructions (its numbering slips,
    /// no 12 and two 15s, are the template's own).
    static let extendedTemplate = #"""
# Technical Design Document (TDD)

## 1. Supporting Documents

[Provide links to outside documents, like PRD for scope / objective]

## 2. System Architecture

[Describe the high-level architecture of the system, including any key components, modules, or layers.]

## 3. Components

[Provide a detailed description of the individual components or modules that make up the system.]

## 4. Data Model

[Present the data model for the system, including entities, relationships, and attributes.]

## 5. API Specifications

[Define the specifications for the system's APIs, including endpoints, request/response formats, and supported methods.]

## 6. Database Design

[Describe the design of the system's database, including tables, indexes, and any specific data storage considerations.]

## 7. Deployment

[Explain the deployment strategy for the system, including infrastructure requirements, hosting platforms, and deployment processes.]

## 8. Security

[Outline the security measures and considerations for the system, including authentication, authorization, and data protection mechanisms.]

## 9. Performance

[Discuss performance considerations for the system, including potential bottlenecks, scalability, and optimization techniques.]

## 10. Error Handling

[Describe how errors and exceptions will be handled within the system, including any agreed on error codes, logging, and error recovery strategies.]

## 11. Testing Strategy

[Explain the testing approach for the system, including unit testing, integration testing, and any specific testing tools or frameworks to be used.]

## 13. Dependencies

[List any external dependencies or third-party libraries that are required for the system.]

## 14. Risks and Mitigation Strategies

[Identify potential risks or challenges that may impact the development or operation of the system, and provide mitigation strategies for each.]

## 15. Open Questions

[List any questions you may have that will need to be answered either before, or during the project]

## 15. Appendix

[Include any additional supporting documents, diagrams, or references as needed.]

"""#
}
