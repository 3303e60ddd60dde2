import type { SopMedsosTranslations } from '../types.js'

/** The plugin's messages in English; the type makes a missing or an extra key a compile error. */
export const en: SopMedsosTranslations = {
  sopMedsos: {
    // A posting target's explanation, from its stored class and the platform's detail.
    publicationError_transient:
      'The platform was busy or unreachable; tried several times. Try again later with "Retry".',
    publicationError_reconnect:
      'Access to this account is no longer valid (token expired or permission removed). Reconnect the account under "Social accounts", then retry.',
    publicationError_content: 'The platform refused this content: {{detail}}',
    publicationError_policy:
      'The platform held the post back (daily limit or policy): {{detail}}. Check the account, then retry later.',
    publicationError_integrity:
      'Not posted: a file or the content no longer matches the approved version (its SHA-256 differs from the approval sheet and the register). {{detail}}. Check the stored file; changed content must be approved again.',
    publicationError_blocked:
      "The target address was refused before any connection ({{detail}}): internal, private, loopback or metadata addresses may not be targeted. Fix the account's URL, or ask the administrator to add it to publishing.allowPrivateHosts if it is an intranet portal.",
    publicationError_unknown:
      'It is not known whether the post went out (the platform’s answer was lost). Check the account; if it is live, give its link with "Confirm".',
    publicationError_manual:
      'Waiting for the Admin Medsos to post by hand and confirm with the link.',
    forbiddenStatus:
      'The action "{{action}}" is not allowed on a submission with status "{{status}}".',
    forbiddenRole: 'The action "{{action}}" may only be taken by the role {{role}}.',
    forbiddenOwner: 'Only the Tim Pelaksana member who created this submission may submit it.',
    forbiddenOwnContent:
      'The creator of a submission may not review or approve their own content (separation of duties).',
    forbiddenSeparation:
      'You already acted at the {{stage}} stage of this submission; one person may not act at two stages (separation of duties).',
    forbiddenServerField:
      'The field "{{field}}" is changed only by the workflow and cannot be set directly.',
    noteRequired: 'The action "{{action}}" requires a written response (note).',
    webhookUrl: 'The webhook URL must start with http:// or https://.',
    mediaInRecord:
      'This file belongs to a submission that was handed in (part of the SOP record); nobody can replace or delete it.',
    mediaFileFacts:
      'The field "{{field}}" comes from the uploaded file and cannot be changed directly.',
    mediaNotOwn:
      'Only files you uploaded yourself can be attached to a submission (files {{ids}} were uploaded by someone else).',
    mediaFileRequired:
      'Upload the file itself; files are not fetched from a URL or copied from another file on the server.',
    noAccounts: 'No social media account is enabled; add one under "Social accounts" first.',
    confirmNeedsTarget:
      'Confirm needs a posting target (publication) of this submission and the post URL (http/https).',
    confirmTargetDone:
      'This target is already published or still running; only failed, unconfirmed or manual targets can be confirmed.',
    nothingToRetry:
      'There is no failed target to retry. Unconfirmed targets must be checked and confirmed, not sent again (so nothing is posted twice).',
    unknownAction: 'Unknown action "{{action}}".',
    submissionNotFound: 'Submission not found.',
    rulesBroken: 'The submission does not meet the SOP rules: {{rules}}',
    editStatus:
      'You cannot change the content of a submission in status "{{status}}" (its status may have just changed); reload the page.',
    editOwnContent:
      'The creator of a submission may not correct their own content as the PPID head (separation of duties).',
    editSeparation:
      'You already acted in the {{stage}} stage of this submission; you may not correct it as the PPID head (separation of duties).',
    editConflict:
      'This submission changed while you were saving; reload it and make your change again.',
    textControl:
      'The text contains control characters (such as ESC) that are not allowed; only tab and new lines are.',
    webhookUrlInternal:
      'The webhook URL points at the internal address "{{host}}" ({{kind}}), which the server may not target; use a public address, or ask the administrator to add it to publishing.allowPrivateHosts.',
    whereUnsupported:
      'The field "{{field}}" cannot be filtered with the operator "{{operator}}" (or the value does not fit the field\'s type).',
    accountHasPublications:
      'This account has been used for posts (part of the SOP record) and cannot be deleted; disable it instead (untick "Enabled").',
    submissionInRecord:
      'This submission is part of the SOP record (written responses or the register) and cannot be deleted.',
    ruleMinPhotos: 'at least {{min}} photos (now {{actual}})',
    rulePhotosNotImages: 'photo attachments must be valid images (not images: {{ids}})',
    ruleNarrativeRequired: 'a news narrative is required',
    ruleCaptionRequired: 'a caption is required',
    ruleCaptionTooLong: 'caption at most {{max}} characters (now {{actual}})',
    ruleTitleRequired: 'a title is required',
    captionTooLong: 'Caption at most {{max}} characters (now {{actual}}).',
    nipInvalid: 'NIP must be exactly 18 digits.',
    notAnImage: 'The file "{{filename}}" is not a readable image.',
    fileHasMarkup:
      'The file "{{filename}}" contains HTML or script markup; upload the original photo.',
    serviceUnavailable:
      'Storage (files or database) cannot be reached right now. Nothing was saved; try again in a moment.',
    imageTooLarge:
      'The image "{{filename}}" is too large: {{pixels}} megapixels (at most {{max}}).',
    bodyTooLarge: 'The request is too large (at most {{max}}).',
    bodyInvalid: 'The request body must be a JSON object.',
    narrativeInvalid: 'The news narrative is not a valid editor state: {{problem}}.',
    textNul: 'The text contains a NUL character, which is not allowed.',
    textBidi:
      'The text contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which are not allowed.',
    paginationInvalid: 'Invalid pagination: page 1–1,000,000, limit at most {{max}}.',
    rolesSelf: 'You cannot change your own roles.',
    paginationAll:
      'Unbounded lists (limit=0 or pagination=false) are not allowed: use limit 1–{{max}} and page.',
    queryNotPublic:
      'Field "{{path}}" cannot be used to filter or sort without signing in: public fields only.',
    userInRecord:
      'This user appears in the register, written responses, submissions, media or postings: they cannot be deleted, only deactivated.',
    userDeleteSelf: 'You cannot delete your own account.',
    userDeactivated: 'This account is deactivated. Contact the admin.',
    passwordTooShort: 'The password must be at least {{min}} characters.',
    passwordTooLong: 'The password must be at most {{max}} characters.',
    passwordCommon: 'This password is too common and easy to guess: choose another.',
    passwordLikeEmail: 'The password must not be the email address or the name.',
    crossOriginRefused:
      'Request from another site ({{origin}}) refused: change data only from this application.',
    recordRowImmutable: 'Register rows and written responses cannot be changed or deleted.',
    loginRequired: 'Please log in first.',
    officeOnly:
      '{{what}} is for the review team, the PPID, its superior, the Admin Medsos and the admin.',
    whatRegisterExport: 'Exporting the register',
    whatReport: 'The report',
    periodInvalid:
      'Invalid period: use period=YYYY-MM, period=YYYY, or from=YYYY-MM-DD&to=YYYY-MM-DD.',
    kindInvalid: 'kind must be documentation or content.',
    exportFormatInvalid: 'format must be csv, xlsx or pdf.',
    reportFormatInvalid: 'format must be json, svg or pdf.',
    hashInvalid: 'hash must be 64 hexadecimal characters (SHA-256)',
    notifyQueue:
      'Submission "{{title}}" ({{number}}) is waiting for your action: {{status}}. Due: {{due}}.',
    notifyReturned:
      'Submission "{{title}}" ({{number}}) was returned to you. Written response: {{note}}',
    notifyDeclined: 'Submission "{{title}}" ({{number}}) was declined. Written response: {{note}}',
    notifyPublishFailed:
      'Posting "{{title}}" ({{number}}) failed or is unconfirmed: {{errors}}. Check it, then retry or confirm the link.',
    notifyOverdue:
      'Submission "{{title}}" ({{number}}) is past the deadline of step "{{status}}" ({{due}}).',
    notifyEscalation:
      'Submission "{{title}}" ({{number}}) is more than a day late at step "{{status}}" ({{stage}}); it was due {{due}}.',
    emailSubjectQueue: 'Waiting for your action: {{title}}',
    emailSubjectReturned: 'Returned: {{title}}',
    emailSubjectDeclined: 'Declined: {{title}}',
    emailSubjectPublishFailed: 'Posting failed: {{title}}',
    emailSubjectOverdue: 'Overdue: {{title}}',
    emailSubjectEscalation: 'More than a day late: {{title}}',
    emailOpen: 'Open in the admin panel: {{url}}',
    emailWhy:
      'This message was sent automatically by the social media SOP of {{agency}} because of your role in the workflow.',
    noNumber: 'no number yet',
    noNote: '(no note)',
    uiMyQueue: 'My queue',
    uiQueueEmpty: 'No submission is waiting for your action.',
    uiOfficeCounts: 'Submissions per status (whole office)',
    uiTitle: 'Title',
    uiStatus: 'Status',
    uiWaited: 'Waiting since',
    uiDeadline: 'Deadline',
    uiOverdue: 'Overdue',
    uiOnTime: 'On time',
    uiRegisterNumber: 'Register number',
    uiActions: 'Actions',
    uiNoActions: 'There is no action for you in this status.',
    uiWaitingOn: 'Waiting for: {{roles}}',
    uiNote: 'Written response',
    uiNoteRequired: 'Written response (required)',
    uiSend: 'Send',
    uiCancel: 'Cancel',
    uiSaveFirst: 'Save your changes before taking an action.',
    uiTimeline: 'History',
    uiCorrections: "PPID head's corrections",
    uiField: 'Field',
    uiBefore: 'Before',
    uiAfter: 'After',
    uiPublications: 'Social media posts',
    uiPostUrl: 'Post URL (https://…)',
    uiApprovalSheet: 'Publication approval sheet (PDF)',
    uiWaitingForMe: 'Waiting for me',
    uiAll: 'All',
    uiNotifications: 'Notifications',
    uiUnread: '{{count}} unread notifications',
    uiPhotoCount: '{{count}} photos (at least {{min}})',
    uiCaptionLeft: '{{left}} of {{max}} characters left',
    uiCaptionOver: '{{over}} characters too many (at most {{max}})',
    uiDays: '{{count}} days',
    uiHours: '{{count}} hours',
    uiMinutes: '{{count}} minutes',
    uiLoading: 'Loading…',
    uiFailed: 'Failed: {{message}}',
    uiActionDone: 'Action "{{action}}" recorded.',
    uiRegisterTools: 'Print and export the Register',
    uiPeriod: 'Period (month)',
    uiReport: 'Monthly report (PDF)',
    field_title: 'Title',
    field_activityDate: 'Activity date',
    field_location: 'Location',
    field_narrative: 'News narrative',
    field_caption: 'Caption',
    field_photos: 'Photos',
    field_videos: 'Videos',
  },
}
