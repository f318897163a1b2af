package store

// rawDictionary primes zstd for raw feed items: the keys, shapes and
// URL prefixes every item repeats. Raw items stored with it can only be
// read with it, so it never changes; a new one would need a new column
// or a marker byte and a migration.
const rawDictionary = `"isHf":false,"isHfAdmin":false,"isMod":false,"followerCount":0,"isUserFollowing":false},` +
	`"mediaUrl":"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/","mediaUrls":["https://cdn-uploads.huggingface.co/production/uploads/"],` +
	`"submitterOrganization":{"_id":"","name":"","fullname":"","avatar":"https://cdn-avatars.huggingface.co/v1/production/uploads/"},` +
	`"ai_summary_model":"","githubRepoAddedBy":"auto","githubRepoAddedBy":"user",` +
	`"status":"claimed_verified","statusLastChangedAt":"2025-01-01T00:00:00.000Z","status":"admin_assigned",` +
	`{"_id":"","avatarUrl":"/avatars/.svg","isPro":false,"fullname":"","user":"","type":"user"},` +
	` the model to the of and in for a with on that we is are by from as this our which language models large ` +
	`performance training data tasks benchmark reasoning learning approach method results propose show ` +
	`{"paper":{"id":"","authors":[{"_id":"","name":"","hidden":false},{"_id":"","name":"","hidden":false},` +
	`{"_id":"","user":{"_id":"","avatarUrl":"https://cdn-avatars.huggingface.co/v1/production/uploads/","isPro":false,"fullname":"","user":"","type":"user"},"name":"","status":"claimed_verified","statusLastChangedAt":"","hidden":false}],` +
	`"mediaUrls":["https://cdn-uploads.huggingface.co/production/uploads/"],` +
	`"publishedAt":"2025-01-01T00:00:00.000Z","submittedOnDailyAt":"2025-01-01T00:00:00.000Z","title":"",` +
	`"submittedOnDailyBy":{"_id":"","avatarUrl":"https://cdn-avatars.huggingface.co/v1/production/uploads/","isPro":false,"fullname":"","user":"","type":"user","name":""},` +
	`"summary":"","upvotes":0,"discussionId":"","projectPage":"https://","githubRepo":"https://github.com/",` +
	`"ai_summary":"","ai_keywords":["","",""],"githubStars":0,` +
	`"organization":{"_id":"","name":"","fullname":"","avatar":"https://cdn-avatars.huggingface.co/v1/production/uploads/"}},` +
	`"publishedAt":"2025-01-01T00:00:00.000Z","title":"","summary":"",` +
	`"thumbnail":"https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/.png","numComments":0,` +
	`"submittedBy":{"_id":"","avatarUrl":"https://cdn-avatars.huggingface.co/v1/production/uploads/","fullname":"","name":"","type":"user","isPro":false,"isHf":false,"isHfAdmin":false,"isMod":false,"followerCount":0,"isUserFollowing":false},` +
	`"organization":{"_id":"","name":"","fullname":"","avatar":"https://cdn-avatars.huggingface.co/v1/production/uploads/"},"isAuthorParticipating":false}`
